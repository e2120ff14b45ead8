package dk.ligevaerd.round;

import dk.ligevaerd.round.domain.Ballot;
import dk.ligevaerd.round.domain.BallotRow;
import dk.ligevaerd.round.domain.BallotPayload;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.RoundSide;
import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.Adoption;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.AdoptVoting;
import dk.ligevaerd.round.rules.DotBallot;
import dk.ligevaerd.round.rules.DotVoting;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.round.rules.PrioritizeResult;
import dk.ligevaerd.round.rules.Quorum;
import dk.ligevaerd.round.rules.RankingBallot;
import dk.ligevaerd.round.rules.RankingVoting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A round's settings as the pure rules need them, fixed from opening on (so they may be cached
 * by round id), and the tallies of its stored ballots.
 */
record Tallies(long roundId, RoundKind kind, @Nullable PrioritizeMethod method, DecisionRule rule,
        Set<Long> options, Set<Long> sides, int budget, int capPerOption, int quorumPerSide,
        Map<Long, Integer> quorumBySide, @Nullable Adoption adoption) {

    static Tallies of(DecisionRound round) {
        return new Tallies(round.id(), round.kind(), round.method(), round.rule(),
                new LinkedHashSet<>(round.optionIds()),
                new LinkedHashSet<>(round.sides().stream().map(RoundSide::sideId).toList()), round.budget(),
                round.capPerOption(), round.quorumPerSide(), round.quorumBySide(), adoption(round));
    }

    /** PRIORITIZE: which places and points adopt a priority; null for ADOPT, which adopts a text. */
    static @Nullable Adoption adoption(DecisionRound round) {
        return round.kind() == RoundKind.PRIORITIZE
                ? new Adoption(round.adoptTopPlaces(), round.adoptEverySide()) : null;
    }

    /** The same settings tallied over fewer sides: those still in the workspace when the round closes. */
    Tallies withSides(Set<Long> tallied) {
        return new Tallies(roundId, kind, method, rule, options, new LinkedHashSet<>(tallied), budget, capPerOption,
                quorumPerSide, quorumBySide, adoption);
    }

    Quorum quorum() {
        return new Quorum(quorumPerSide, quorumBySide);
    }

    DotVoting dots() {
        return new DotVoting(options, budget, capPerOption, quorum());
    }

    RankingVoting ranking() {
        return new RankingVoting(options, quorum());
    }

    AdoptVoting adopt() {
        return new AdoptVoting(rule.adoptRule(), quorum());
    }

    /** A stored ballot with its payload read once, for both the tally and the record. */
    record Parsed(BallotRow row, Object ballot) {
    }

    List<Parsed> parse(List<BallotRow> rows) {
        List<Parsed> parsed = new ArrayList<>(rows.size());
        for (BallotRow row : rows) {
            parsed.add(parse(row));
        }
        return parsed;
    }

    Parsed parse(BallotRow row) {
        Object ballot;
        if (kind == RoundKind.ADOPT) {
            ballot = BallotPayload.readAdopt(row.payload());
        } else if (method == PrioritizeMethod.DOTS) {
            ballot = BallotPayload.readDots(row.payload());
        } else {
            ballot = BallotPayload.readRanking(row.payload());
        }
        return new Parsed(row, ballot);
    }

    PrioritizeResult prioritize(Collection<Parsed> ballots) {
        if (method == PrioritizeMethod.DOTS) {
            return dots().tally(sides, bySide(ballots, DotBallot.class));
        }
        return ranking().tally(sides, bySide(ballots, RankingBallot.class));
    }

    AdoptResult adoptResult(Collection<Parsed> ballots) {
        return adopt().tally(sides, bySide(ballots, AdoptBallot.class));
    }

    /** Ballots of sides that no longer take part cannot exist: casting refuses them. */
    private static <B> Map<Long, List<B>> bySide(Collection<Parsed> ballots, Class<B> type) {
        Map<Long, List<B>> grouped = new TreeMap<>();
        for (Parsed ballot : ballots) {
            grouped.computeIfAbsent(ballot.row().sideId(), side -> new ArrayList<>()).add(type.cast(ballot.ballot()));
        }
        return grouped;
    }

    static BallotView view(RoundKind kind, @Nullable PrioritizeMethod method, Ballot ballot) {
        if (kind == RoundKind.ADOPT) {
            AdoptBallot adopt = BallotPayload.readAdopt(ballot.payload());
            return new BallotView(Map.of(), List.of(), adopt.vote(), adopt.reason(), ballot.castAt());
        }
        if (method == PrioritizeMethod.DOTS) {
            DotBallot dots = BallotPayload.readDots(ballot.payload());
            return new BallotView(dots.points(), List.of(), null, null, ballot.castAt());
        }
        RankingBallot ranking = BallotPayload.readRanking(ballot.payload());
        return new BallotView(Map.of(), ranking.order(), null, null, ballot.castAt());
    }
}
