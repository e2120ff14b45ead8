package dk.ligevaerd.round.rules;

import static dk.ligevaerd.round.rules.RoundGenerators.ASSUMPTION_ATTEMPTS;
import static dk.ligevaerd.round.rules.RoundGenerators.anySide;
import static dk.ligevaerd.round.rules.RoundGenerators.copied;
import static dk.ligevaerd.round.rules.RoundGenerators.renamed;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedAndShuffled;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedKeys;
import static dk.ligevaerd.round.rules.RoundGenerators.renaming;
import static dk.ligevaerd.round.rules.RoundGenerators.replaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dk.ligevaerd.round.rules.AdoptResult.Outcome;
import dk.ligevaerd.round.rules.RoundGenerators.Round;
import dk.ligevaerd.testing.Cases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * SPEC.md's properties 1–4 for ADOPT rounds, over generated rounds under all three rules
 * (objections appear only in consent rounds, the only rule that allows them).
 */
class AdoptVotingProperties {

    static Gen<Round<AdoptVoting, AdoptBallot>> rounds() {
        return RoundGenerators.adoptRounds(AdoptRule.values());
    }

    static Gen<Round<AdoptVoting, AdoptBallot>> consentRounds() {
        return RoundGenerators.adoptRounds(AdoptRule.CONSENT);
    }

    static AdoptResult tally(Round<AdoptVoting, AdoptBallot> round) {
        return round.voting().tally(round.sides(), round.ballots());
    }

    /*
     * Property 1. Each side's support, the parity support and the verdict stay; objections are
     * copied with their ballots, so only the list grows. The quorum alone counts heads, on
     * purpose: copies can help the copied side reach it, and that is the only way the outcome may
     * change.
     */
    @Test
    void copying_a_sides_ballots_changes_no_parity_result() {
        Cases cases = new Cases("copying_a_sides_ballots_changes_no_parity_result");
        qt().withExamples(300).forAll(rounds(), integers().between(2, 4), RoundGenerators.seeds())
                .checkAssert((round, copies, seed) -> {
                    copyingChangesNoParityResult(round, copies, new Random(seed));
                    cases.collect("rule", round.voting().rule());
                });
        cases.print();
    }

    private static void copyingChangesNoParityResult(Round<AdoptVoting, AdoptBallot> round, int copies,
            Random random) {
        long side = anySide(round.sides(), random);

        AdoptResult before = tally(round);
        AdoptResult after = tally(round.withBallots(copied(round.ballots(), side, copies)));

        assertThat(after.supportPerSide()).isEqualTo(before.supportPerSide());
        assertThat(after.paritySupport()).isEqualTo(before.paritySupport());
        assertThat(after.ruleAdopts()).isEqualTo(before.ruleAdopts());
        assertThat(new HashSet<>(after.objections())).isEqualTo(new HashSet<>(before.objections()));
        boolean reachedQuorum = before.sidesMissingQuorum().contains(side)
                && !after.sidesMissingQuorum().contains(side);
        if (!reachedQuorum) {
            assertThat(after.outcome()).isEqualTo(before.outcome());
        }
    }

    /* Property 2: new side ids, and sides and ballots handed over in another order. */
    @Test
    void renaming_and_reordering_sides_changes_no_result() {
        Cases cases = new Cases("renaming_and_reordering_sides_changes_no_result");
        qt().withExamples(300).forAll(rounds(), RoundGenerators.seeds()).checkAssert((round, seed) -> {
            renamingChangesNoResult(round, new Random(seed));
            cases.collect("rule", round.voting().rule());
        });
        cases.print();
    }

    private static void renamingChangesNoResult(Round<AdoptVoting, AdoptBallot> round, Random random) {
        Map<Long, Long> renaming = renaming(round.sides(), random);

        AdoptResult original = tally(round);
        AdoptResult renamed = tally(renamedAndShuffled(round, renaming, random));

        List<Objection> renamedObjections = original.objections().stream()
                .map(objection -> new Objection(renaming.get(objection.side()), objection.reason()))
                .toList();
        AdoptResult expected = new AdoptResult(original.rule(), renamedKeys(original.votesPerSide(), renaming),
                renamedKeys(original.supportPerSide(), renaming), original.paritySupport(), original.ruleAdopts(),
                original.headCountSupport(), original.headCountAdopts(), renamedObjections,
                renamed(original.sidesMissingQuorum(), renaming));
        // Ballots within a side were shuffled, so objections are compared regardless of their order.
        assertThat(withSortedObjections(renamed)).isEqualTo(withSortedObjections(expected));
    }

    static AdoptResult withSortedObjections(AdoptResult result) {
        List<Objection> sorted = result.objections().stream()
                .sorted(Comparator.comparingLong(Objection::side).thenComparing(Objection::reason))
                .toList();
        return new AdoptResult(result.rule(), result.votesPerSide(), result.supportPerSide(), result.paritySupport(),
                result.ruleAdopts(), result.headCountSupport(), result.headCountAdopts(), sorted,
                result.sidesMissingQuorum());
    }

    /*
     * Property 3. In an ADOPT round, "adding points" means one ballot turning more favourable:
     * object to no, abstain or yes; no to abstain or yes; abstain to yes. No side's support and no
     * mean may drop, and what was adopted stays adopted, under every rule.
     */
    @Test
    void a_more_favourable_ballot_never_lowers_support_or_undoes_adoption() {
        Cases cases = new Cases("a_more_favourable_ballot_never_lowers_support_or_undoes_adoption");
        qt().withExamples(500).withGenerateAttempts(ASSUMPTION_ATTEMPTS).forAll(rounds(), RoundGenerators.seeds())
                .assuming((round, seed) -> !changes(round).isEmpty())
                .checkAssert((round, seed) -> {
                    moreFavourableNeverLowers(round, new Random(seed));
                    cases.collect("rule", round.voting().rule());
                });
        cases.print();
    }

    private record Change(long side, int ballot, AdoptBallot to) {
    }

    private static List<Change> changes(Round<AdoptVoting, AdoptBallot> round) {
        List<Change> changes = new ArrayList<>();
        round.ballots().forEach((side, ballots) -> {
            for (int i = 0; i < ballots.size(); i++) {
                for (AdoptBallot better : moreFavourable(ballots.get(i).vote())) {
                    changes.add(new Change(side, i, better));
                }
            }
        });
        return changes;
    }

    private static void moreFavourableNeverLowers(Round<AdoptVoting, AdoptBallot> round, Random random) {
        List<Change> changes = changes(round);
        Change change = changes.get(random.nextInt(changes.size()));

        AdoptResult before = tally(round);
        AdoptResult after = tally(round.withBallots(replaced(round.ballots(), change.side(), change.ballot(),
                ballot -> change.to())));

        before.supportPerSide().forEach((side, support) ->
                assertThat(after.supportPerSide().get(side)).isGreaterThanOrEqualTo(support));
        assertThat(after.paritySupport()).isGreaterThanOrEqualTo(before.paritySupport());
        assertThat(after.headCountSupport()).isGreaterThanOrEqualTo(before.headCountSupport());
        if (before.ruleAdopts()) {
            assertThat(after.ruleAdopts()).isTrue();
        }
        if (before.outcome() == Outcome.ADOPTED) {
            assertThat(after.outcome()).isEqualTo(Outcome.ADOPTED);
        }
    }

    static List<AdoptBallot> moreFavourable(Vote vote) {
        return switch (vote) {
            case OBJECT -> List.of(AdoptBallot.no(), AdoptBallot.abstain(), AdoptBallot.yes());
            case NO -> List.of(AdoptBallot.abstain(), AdoptBallot.yes());
            case ABSTAIN -> List.of(AdoptBallot.yes());
            case YES -> List.of();
        };
    }

    /* Property 4, both ways, under every rule. */
    @Test
    void a_side_missing_the_quorum_means_no_decision_and_only_then() {
        Cases cases = new Cases("a_side_missing_the_quorum_means_no_decision_and_only_then");
        qt().withExamples(300).forAll(rounds()).checkAssert(round -> {
            int quorum = round.voting().quorum().ballotsFromEachSide();
            boolean anyMissing = round.sides().stream().anyMatch(side -> round.ballotCount(side) < quorum);

            AdoptResult result = tally(round);

            assertThat(result.outcome() == Outcome.NO_DECISION).isEqualTo(anyMissing);
            cases.collect("quorum", anyMissing ? "missed" : "met");
            cases.collect("outcome", result.outcome());
        });
        cases.print();
        cases.requireMoreThan("quorum", "missed", 10);
        cases.requireMoreThan("quorum", "met", 10);
    }

    /* Consent is a veto every person holds: counting heads cannot change it. */
    @Test
    void under_consent_head_count_never_differs() {
        Cases cases = new Cases("under_consent_head_count_never_differs");
        qt().withExamples(200).forAll(consentRounds()).checkAssert(round -> {
            AdoptResult result = tally(round);

            assertThat(result.differs()).isFalse();
            assertThat(result.ruleAdopts()).isEqualTo(result.objections().isEmpty());
            cases.collect("objections", result.objections().isEmpty() ? "none" : "some");
        });
        cases.print();
    }
}
