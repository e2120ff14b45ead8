package dk.ligevaerd.round;

import dk.ligevaerd.round.rules.PrioritizeMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings a moderator chooses for a round, while it is a draft. They are checked when the
 * draft is saved and again when it opens, and fixed from then on.
 *
 * @param title          what the round is about, shown to everyone
 * @param kind           prioritize priorities or adopt a version of the purpose statement
 * @param method         dots or ranking for PRIORITIZE; null for ADOPT
 * @param rule           SIDE_PARITY for PRIORITIZE; any for ADOPT
 * @param priorityIds    the priorities on the ballot (PRIORITIZE); empty for ADOPT
 * @param versionId      the saved statement version voted on (ADOPT); null means "the text as it
 *                       is when the round opens", snapshotted then as a new version
 * @param budget         P, the points each voter spreads (dots only; 0 otherwise)
 * @param capPerOption   M, the most points on one option (dots only; 0 otherwise)
 * @param adoptTopPlaces PRIORITIZE: the priorities placed this high or higher by the parity
 *                       ranking are adopted (ties at the boundary are all adopted); 0 for ADOPT
 * @param quorumPerSide  ballots each side must cast for a decision
 * @param liveTallies    whether standings show while the round is open, or only in the record
 * @param secret         whether only per-side aggregates are ever shown, or each ballot with its voter
 * @param closesAt       when voting ends by itself, if at all
 * @param quorumBySide   q_s: a side's own quorum where the creator set one; other sides need
 *                       {@code quorumPerSide}
 * @param adoptOnlyWithEverySide PRIORITIZE: a priority is adopted only if every side gave it points
 *                       (see {@link dk.ligevaerd.round.rules.Adoption}); false for ADOPT
 */
public record RoundDraft(String title, RoundKind kind, @Nullable PrioritizeMethod method, DecisionRule rule,
        List<Long> priorityIds, @Nullable Long versionId, int budget, int capPerOption, int adoptTopPlaces,
        int quorumPerSide, boolean liveTallies, boolean secret, @Nullable Instant closesAt,
        Map<Long, Integer> quorumBySide, boolean adoptOnlyWithEverySide) {

    public static final int DEFAULT_BUDGET = 10;
    public static final int DEFAULT_CAP = 5;
    public static final int DEFAULT_QUORUM = 1;

    public RoundDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        priorityIds = List.copyOf(priorityIds);
        quorumBySide = Map.copyOf(quorumBySide);
    }

    /** A draft that adopts by places alone, whichever sides gave the points. */
    public RoundDraft(String title, RoundKind kind, @Nullable PrioritizeMethod method, DecisionRule rule,
            List<Long> priorityIds, @Nullable Long versionId, int budget, int capPerOption, int adoptTopPlaces,
            int quorumPerSide, boolean liveTallies, boolean secret, @Nullable Instant closesAt,
            Map<Long, Integer> quorumBySide) {
        this(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces, quorumPerSide,
                liveTallies, secret, closesAt, quorumBySide, false);
    }

    /** A draft with the same quorum for every side. */
    public RoundDraft(String title, RoundKind kind, @Nullable PrioritizeMethod method, DecisionRule rule,
            List<Long> priorityIds, @Nullable Long versionId, int budget, int capPerOption, int adoptTopPlaces,
            int quorumPerSide, boolean liveTallies, boolean secret, @Nullable Instant closesAt) {
        this(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces, quorumPerSide,
                liveTallies, secret, closesAt, Map.of());
    }

    /** The same draft with a quorum of its own for one side. */
    public RoundDraft withQuorumFor(long sideId, int quorum) {
        Map<Long, Integer> by = new java.util.HashMap<>(quorumBySide);
        by.put(sideId, quorum);
        return new RoundDraft(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces,
                quorumPerSide, liveTallies, secret, closesAt, by, adoptOnlyWithEverySide);
    }

    public static RoundDraft dots(String title, List<Long> priorityIds, int budget, int capPerOption,
            int adoptTopPlaces) {
        return new RoundDraft(title, RoundKind.PRIORITIZE, PrioritizeMethod.DOTS, DecisionRule.SIDE_PARITY,
                priorityIds, null, budget, capPerOption, adoptTopPlaces, DEFAULT_QUORUM, true, false, null);
    }

    public static RoundDraft ranking(String title, List<Long> priorityIds, int adoptTopPlaces) {
        return new RoundDraft(title, RoundKind.PRIORITIZE, PrioritizeMethod.RANKING, DecisionRule.SIDE_PARITY,
                priorityIds, null, 0, 0, adoptTopPlaces, DEFAULT_QUORUM, true, false, null);
    }

    /** @param versionId a saved version, or null for the text as it is when the round opens */
    public static RoundDraft adopt(String title, @Nullable Long versionId, DecisionRule rule) {
        return new RoundDraft(title, RoundKind.ADOPT, null, rule, List.of(), versionId, 0, 0, 0, DEFAULT_QUORUM,
                true, false, null);
    }

    public RoundDraft withQuorum(int quorum) {
        return new RoundDraft(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces,
                quorum, liveTallies, secret, closesAt, quorumBySide, adoptOnlyWithEverySide);
    }

    public RoundDraft withLiveTallies(boolean live) {
        return new RoundDraft(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces,
                quorumPerSide, live, secret, closesAt, quorumBySide, adoptOnlyWithEverySide);
    }

    /** Secret ballots come without live standings: a secret round shows turnout only until it closes. */
    public RoundDraft withSecret(boolean secretBallots) {
        return new RoundDraft(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces,
                quorumPerSide, liveTallies && !secretBallots, secretBallots, closesAt, quorumBySide,
                adoptOnlyWithEverySide);
    }

    public RoundDraft withClosesAt(@Nullable Instant closing) {
        return new RoundDraft(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces,
                quorumPerSide, liveTallies, secret, closing, quorumBySide, adoptOnlyWithEverySide);
    }

    public RoundDraft withRule(DecisionRule newRule) {
        return new RoundDraft(title, kind, method, newRule, priorityIds, versionId, budget, capPerOption,
                adoptTopPlaces, quorumPerSide, liveTallies, secret, closesAt, quorumBySide, adoptOnlyWithEverySide);
    }

    /** The same draft adopting only priorities that every side gave points (or by places alone). */
    public RoundDraft withAdoptOnlyWithEverySide(boolean everySide) {
        return new RoundDraft(title, kind, method, rule, priorityIds, versionId, budget, capPerOption, adoptTopPlaces,
                quorumPerSide, liveTallies, secret, closesAt, quorumBySide, everySide);
    }

    /** The places adopted by default for a ballot of this many priorities: half, rounded down, at least 1. */
    public static int defaultTopPlaces(int priorities) {
        return dk.ligevaerd.round.rules.Adoption.defaultPlaces(priorities);
    }
}
