package dk.ligevaerd.round;

import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.round.rules.PrioritizeResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A round as one member sees it now.
 *
 * @param options        PRIORITIZE: the priorities on the ballot, in the moderator's order
 * @param versionId      ADOPT: the version voted on; null for a draft on "the text when it opens"
 * @param text           ADOPT: the text voted on, once open
 * @param sides          the sides taking part (from opening on), with their ballots and confirmations
 * @param requiredSides  the sides whose moderator must still confirm closing (joint closing)
 * @param prioritizeStandings live standings of an open PRIORITIZE round with live tallies
 * @param adoptStandings live standings of an open ADOPT round with live tallies
 * @param myBallot       the viewer's own latest ballot
 * @param canVote        whether the viewer may cast a ballot now
 * @param ballotRevision changes whenever a ballot was cast; a view can skip redrawing when equal
 * @param votingEndedAt  when the closing time ended voting in a round still waiting for confirmations
 * @param sidesWithoutModerator open round: sides that must act (confirm or cancel) but have no
 *                       moderator now, so the round waits until the owner invites one
 * @param removedSides   open round: sides removed from the workspace since it opened; their
 *                       ballots will not count and they need not confirm
 * @param secretWarnings draft: sides whose only voter an objection would identify (secret CONSENT)
 * @param quorumBySide   q_s where the creator set a side's own quorum; other sides need quorumPerSide
 * @param adoptEverySide PRIORITIZE: only a priority every side gave points can be adopted
 * @param objections     open round under consent: its objections, with side (and reason unless secret)
 */
public record RoundView(long id, String title, RoundKind kind, @Nullable PrioritizeMethod method, DecisionRule rule,
        int budget, int capPerOption, int adoptTopPlaces, int quorumPerSide, boolean liveTallies, boolean secret,
        @Nullable Instant closesAt, RoundState state, List<Option> options, @Nullable Long versionId,
        @Nullable String versionName, @Nullable String text, List<SideTurnout> sides, boolean jointClosing,
        List<Long> requiredSides, long createdBy, Instant createdAt, @Nullable Instant openedAt,
        @Nullable Instant closedAt, @Nullable Instant cancelledAt, @Nullable String cancelReason,
        @Nullable PrioritizeResult prioritizeStandings, @Nullable AdoptResult adoptStandings,
        @Nullable BallotView myBallot, boolean canVote, long ballotRevision, @Nullable Instant votingEndedAt,
        List<Long> sidesWithoutModerator, List<Long> removedSides, List<Long> secretWarnings,
        java.util.Map<Long, Integer> quorumBySide, boolean adoptEverySide, List<OpenObjection> objections) {

    public record Option(long id, String title) {
    }

    /**
     * @param confirmedBy     the moderator who confirmed closing for this side, if one has and still
     *                        moderates it
     * @param cancelRequestBy the moderator who asked for this side that the open round be cancelled
     * @param cancelReason    their reason
     * @param quorum          the ballots this side must cast for a decision
     */
    public record SideTurnout(long sideId, String name, String colour, int ballots, boolean quorumMet,
            @Nullable Long confirmedBy, @Nullable Instant confirmedAt, @Nullable Long cancelRequestBy,
            @Nullable String cancelReason, int quorum) {
    }

    public RoundView {
        options = List.copyOf(options);
        sides = List.copyOf(sides);
        requiredSides = List.copyOf(requiredSides);
        sidesWithoutModerator = List.copyOf(sidesWithoutModerator);
        removedSides = List.copyOf(removedSides);
        secretWarnings = List.copyOf(secretWarnings);
        quorumBySide = java.util.Map.copyOf(quorumBySide);
        objections = List.copyOf(objections);
    }

    /** q_s: the ballots this side must cast for a decision. */
    public int quorumFor(long sideId) {
        return quorumBySide.getOrDefault(sideId, quorumPerSide);
    }

    /** Whether the closing time has ended voting while the round waits for confirmations. */
    public boolean votingEnded() {
        return votingEndedAt != null;
    }

    public Optional<SideTurnout> side(long sideId) {
        return sides.stream().filter(s -> s.sideId() == sideId).findFirst();
    }

    public String optionTitle(long optionId) {
        return options.stream().filter(o -> o.id() == optionId).map(Option::title).findFirst().orElse("?");
    }

    public int totalBallots() {
        return sides.stream().mapToInt(SideTurnout::ballots).sum();
    }

    public boolean quorumMet() {
        return !sides.isEmpty() && sides.stream().allMatch(SideTurnout::quorumMet);
    }

    /**
     * This view with the counts of a later moment: ballots per side, whether each side reached
     * its quorum, and the live standings; everything else as it was.
     */
    public RoundView withCounts(LiveCounts counts) {
        List<SideTurnout> counted = sides.stream().map(s -> {
            int n = counts.ballots(s.sideId());
            return new SideTurnout(s.sideId(), s.name(), s.colour(), n, n >= s.quorum(), s.confirmedBy(),
                    s.confirmedAt(), s.cancelRequestBy(), s.cancelReason(), s.quorum());
        }).toList();
        return new RoundView(id, title, kind, method, rule, budget, capPerOption, adoptTopPlaces, quorumPerSide,
                liveTallies, secret, closesAt, state, options, versionId, versionName, text, counted, jointClosing,
                requiredSides, createdBy, createdAt, openedAt, closedAt, cancelledAt, cancelReason,
                counts.prioritizeStandings(), counts.adoptStandings(), myBallot, canVote, counts.casts(),
                votingEndedAt, sidesWithoutModerator, removedSides, secretWarnings, quorumBySide, adoptEverySide,
                counts.objections());
    }

    /**
     * This view as any member sees it: without the viewer's own ballot and right to vote. What is
     * drawn from it once is the same on every member's page.
     */
    public RoundView forEveryone() {
        if (myBallot == null && !canVote) {
            return this;
        }
        return new RoundView(id, title, kind, method, rule, budget, capPerOption, adoptTopPlaces, quorumPerSide,
                liveTallies, secret, closesAt, state, options, versionId, versionName, text, sides, jointClosing,
                requiredSides, createdBy, createdAt, openedAt, closedAt, cancelledAt, cancelReason,
                prioritizeStandings, adoptStandings, null, false, ballotRevision, votingEndedAt,
                sidesWithoutModerator, removedSides, secretWarnings, quorumBySide, adoptEverySide, objections);
    }

    /** PRIORITIZE: how the round adopts, for stating what its standings would adopt now. */
    public dk.ligevaerd.round.rules.Adoption adoption() {
        return new dk.ligevaerd.round.rules.Adoption(Math.max(1, adoptTopPlaces), adoptEverySide);
    }

    /** The sides still to confirm closing, in the round's order. */
    public List<SideTurnout> awaitingConfirmation() {
        return sides.stream().filter(s -> requiredSides.contains(s.sideId()) && s.confirmedBy() == null).toList();
    }
}
