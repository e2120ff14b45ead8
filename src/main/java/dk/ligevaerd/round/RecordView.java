package dk.ligevaerd.round;

import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A decision record as read back from its stored canonical content: what the round was, how it
 * closed, every side's tally, the equal-weight outcome and, beside it, the head-count outcome.
 *
 * @param prioritize the result of a PRIORITIZE round; null for ADOPT
 * @param adopt      the result of an ADOPT round; null for PRIORITIZE
 * @param ballots    each ballot with its voter, for a named round; empty for a secret one
 * @param adoptEverySide PRIORITIZE: only a priority every side gave points could be adopted
 */
public record RecordView(long recordId, long roundId, long seq, String hash, String prevHash, Instant recordedAt,
        String title, RoundKind kind, @Nullable PrioritizeMethod method, DecisionRule rule, int budget,
        int capPerOption, int adoptTopPlaces, int quorumPerSide, boolean liveTallies, boolean secret,
        @Nullable Instant closesAt, Instant openedAt, Person openedBy, Instant closedAt, ClosedHow closedHow,
        @Nullable Person closedBy, List<ConfirmationView> confirmations, List<SideResult> sides, Outcome outcome,
        boolean headCountDiffers, @Nullable PrioritizeRecord prioritize, @Nullable AdoptRecord adopt,
        List<NamedBallot> ballots, boolean adoptEverySide) {

    /** What the round decided. */
    public enum Outcome {
        /** PRIORITIZE: the parity ranking decides. */
        DECIDED,
        ADOPTED,
        REJECTED,
        /** A side missed the quorum, so nothing was decided. */
        NO_DECISION;

        public String messageKey() {
            return "record.outcome." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the closing came about. */
    public enum ClosedHow {
        /** A moderator of every side confirmed (joint closing). */
        JOINT,
        /** One moderator closed it; the workspace has joint closing switched off. */
        MODERATOR,
        /** Its closing time came. */
        CLOSING_TIME;

        public String messageKey() {
            return "record.closedHow." + name().toLowerCase(Locale.ROOT);
        }
    }

    public record Person(long id, String name) {
    }

    public record ConfirmationView(long sideId, Person moderator, Instant at) {
    }

    /**
     * @param voided  ballots cast from this side that did not count: their voter had left the side
     *                (or the workspace, or could no longer vote) when the round closed
     * @param removed the side was removed from the workspace while the round was open, so it was
     *                not tallied
     * @param quorum  q_s, the ballots this side had to cast (format 1: the round's one quorum)
     */
    public record SideResult(long sideId, String name, String colour, int ballots, boolean quorumMet, int voided,
            boolean removed, int quorum) {
    }

    /**
     * @param options    every option, best first by the parity ranking
     * @param adopted    the priorities adopted: parity place within {@code adoptTopPlaces} and a
     *                   score above zero; empty when there was no decision
     * @param notAdopted the others; empty when there was no decision
     */
    public record PrioritizeRecord(List<OptionResult> options, List<Long> adopted, List<Long> notAdopted) {
        public PrioritizeRecord {
            options = List.copyOf(options);
            adopted = List.copyOf(adopted);
            notAdopted = List.copyOf(notAdopted);
        }

        /** Whether another option shares this option's parity place. */
        public boolean parityTie(OptionResult option) {
            return options.stream().filter(o -> o.parityPlace() == option.parityPlace()).count() > 1;
        }

        public boolean headCountTie(OptionResult option) {
            return options.stream().filter(o -> o.headCountPlace() == option.headCountPlace()).count() > 1;
        }

        /** The options in head-count order, best first. */
        public List<OptionResult> byHeadCount() {
            return options.stream()
                    .sorted(java.util.Comparator.comparingInt(OptionResult::headCountPlace)
                            .thenComparingLong(OptionResult::id))
                    .toList();
        }
    }

    public record OptionResult(long id, String title, Fraction parityScore, int parityPlace, Fraction headCountScore,
            int headCountPlace, List<SideScore> sides, boolean adopted) {
        public OptionResult {
            sides = List.copyOf(sides);
        }

        public Optional<SideScore> side(long sideId) {
            return sides.stream().filter(s -> s.sideId() == sideId).findFirst();
        }
    }

    /** A side's tally of one option: the points its ballots gave and its score (points over the most possible). */
    public record SideScore(long sideId, long points, Fraction score) {
    }

    public record AdoptRecord(long versionId, String versionName, String text, List<SideVotes> sides,
            Fraction paritySupport, Fraction headCountSupport, boolean ruleAdopts, boolean headCountAdopts,
            List<ObjectionView> objections) {
        public AdoptRecord {
            sides = List.copyOf(sides);
            objections = List.copyOf(objections);
        }

        public Optional<SideVotes> side(long sideId) {
            return sides.stream().filter(s -> s.sideId() == sideId).findFirst();
        }
    }

    public record SideVotes(long sideId, int yes, int no, int abstain, int object, Fraction support) {
    }

    /** An objection under consent, shown with the objector's side (and, in a named round, in the ballots). */
    public record ObjectionView(long sideId, String reason) {
    }

    public record NamedBallot(Person voter, long sideId, BallotView ballot) {
    }

    public RecordView {
        confirmations = List.copyOf(confirmations);
        sides = List.copyOf(sides);
        ballots = List.copyOf(ballots);
    }

    public Optional<SideResult> side(long sideId) {
        return sides.stream().filter(s -> s.sideId() == sideId).findFirst();
    }

    /** Everyone the record names: who opened and closed the round, who confirmed, who voted. */
    public java.util.Set<Long> personIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        ids.add(openedBy.id());
        if (closedBy != null) {
            ids.add(closedBy.id());
        }
        confirmations.forEach(c -> ids.add(c.moderator().id()));
        ballots.forEach(b -> ids.add(b.voter().id()));
        return ids;
    }

    /** The same record with each person's name as {@code naming} gives it; the stored content is untouched. */
    public RecordView withNames(java.util.function.UnaryOperator<Person> naming) {
        return new RecordView(recordId, roundId, seq, hash, prevHash, recordedAt, title, kind, method, rule, budget,
                capPerOption, adoptTopPlaces, quorumPerSide, liveTallies, secret, closesAt, openedAt,
                naming.apply(openedBy), closedAt, closedHow, closedBy == null ? null : naming.apply(closedBy),
                confirmations.stream().map(c -> new ConfirmationView(c.sideId(), naming.apply(c.moderator()), c.at()))
                        .toList(),
                sides, outcome, headCountDiffers, prioritize, adopt,
                ballots.stream().map(b -> new NamedBallot(naming.apply(b.voter()), b.sideId(), b.ballot())).toList(),
                adoptEverySide);
    }

    public int totalBallots() {
        return sides.stream().mapToInt(SideResult::ballots).sum();
    }
}
