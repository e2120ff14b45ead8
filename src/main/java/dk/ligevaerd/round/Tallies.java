package dk.ligevaerd.round;

import dk.ligevaerd.round.domain.Ballot;
import dk.ligevaerd.round.domain.BallotPayload;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.RoundSide;
import dk.ligevaerd.round.rules.AdoptBallot;
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
        Set<Long> options, Set<Long> sides, int budget, int capPerOption, int quorumPerSide) {

    static Tallies of(DecisionRound round) {
        return new Tallies(round.id(), round.kind(), round.method(), round.rule(),
                new LinkedHashSet<>(round.optionIds()),
                new LinkedHashSet<>(round.sides().stream().map(RoundSide::sideId).toList()), round.budget(),
                round.capPerOption(), round.quorumPerSide());
    }

    Quorum quorum() {
        return Quorum.of(quorumPerSide);
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

    PrioritizeResult prioritize(List<Ballot> ballots) {
        if (method == PrioritizeMethod.DOTS) {
            return dots().tally(sides, bySide(ballots, b -> BallotPayload.readDots(b.payload())));
        }
        return ranking().tally(sides, bySide(ballots, b -> BallotPayload.readRanking(b.payload())));
    }

    AdoptResult adoptResult(List<Ballot> ballots) {
        return adopt().tally(sides, bySide(ballots, b -> BallotPayload.readAdopt(b.payload())));
    }

    /** Ballots of sides that no longer take part cannot exist: casting refuses them. */
    private <B> Map<Long, List<B>> bySide(List<Ballot> ballots, java.util.function.Function<Ballot, B> read) {
        Map<Long, List<B>> grouped = new TreeMap<>();
        for (Ballot ballot : ballots) {
            grouped.computeIfAbsent(ballot.sideId(), side -> new ArrayList<>()).add(read.apply(ballot));
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
