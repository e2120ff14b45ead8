package dk.ligevaerd.round.rules;

import static dk.ligevaerd.round.rules.RoundGenerators.anySide;
import static dk.ligevaerd.round.rules.RoundGenerators.copied;
import static dk.ligevaerd.round.rules.RoundGenerators.renamed;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedAndShuffled;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedKeys;
import static dk.ligevaerd.round.rules.RoundGenerators.renaming;
import static dk.ligevaerd.round.rules.RoundGenerators.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.rules.AdoptResult.Outcome;
import dk.ligevaerd.round.rules.RoundGenerators.Round;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * SPEC.md's properties 1–4 for ADOPT rounds, over generated rounds under all three rules
 * (objections appear only in consent rounds, the only rule that allows them).
 */
class AdoptVotingProperties {

    @Provide
    Arbitrary<Round<AdoptVoting, AdoptBallot>> rounds() {
        return RoundGenerators.adoptRounds(AdoptRule.values());
    }

    @Provide
    Arbitrary<Round<AdoptVoting, AdoptBallot>> consentRounds() {
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
    @Property(tries = 300)
    void copying_a_sides_ballots_changes_no_parity_result(
            @ForAll("rounds") Round<AdoptVoting, AdoptBallot> round,
            @ForAll @IntRange(min = 2, max = 4) int copies,
            @ForAll Random random) {
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
        Statistics.label("rule").collect(round.voting().rule());
    }

    /* Property 2: new side ids, and sides and ballots handed over in another order. */
    @Property(tries = 300)
    void renaming_and_reordering_sides_changes_no_result(
            @ForAll("rounds") Round<AdoptVoting, AdoptBallot> round, @ForAll Random random) {
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
    @Property(tries = 500)
    void a_more_favourable_ballot_never_lowers_support_or_undoes_adoption(
            @ForAll("rounds") Round<AdoptVoting, AdoptBallot> round, @ForAll Random random) {
        record Change(long side, int ballot, AdoptBallot to) {
        }
        List<Change> changes = new ArrayList<>();
        round.ballots().forEach((side, ballots) -> {
            for (int i = 0; i < ballots.size(); i++) {
                for (AdoptBallot better : moreFavourable(ballots.get(i).vote())) {
                    changes.add(new Change(side, i, better));
                }
            }
        });
        Assume.that(!changes.isEmpty());
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
        Statistics.label("rule").collect(round.voting().rule());
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
    @Property(tries = 300)
    void a_side_missing_the_quorum_means_no_decision_and_only_then(
            @ForAll("rounds") Round<AdoptVoting, AdoptBallot> round) {
        int quorum = round.voting().quorum().ballotsFromEachSide();
        boolean anyMissing = round.sides().stream().anyMatch(side -> round.ballotCount(side) < quorum);

        AdoptResult result = tally(round);

        assertThat(result.outcome() == Outcome.NO_DECISION).isEqualTo(anyMissing);
        Statistics.label("quorum").collect(anyMissing ? "missed" : "met");
        Statistics.label("quorum").coverage(coverage -> {
            coverage.check("missed").percentage(p -> p > 10);
            coverage.check("met").percentage(p -> p > 10);
        });
        Statistics.label("outcome").collect(result.outcome());
    }

    /* Consent is a veto every person holds: counting heads cannot change it. */
    @Property(tries = 200)
    void under_consent_head_count_never_differs(@ForAll("consentRounds") Round<AdoptVoting, AdoptBallot> round) {
        AdoptResult result = tally(round);

        assertThat(result.differs()).isFalse();
        assertThat(result.ruleAdopts()).isEqualTo(result.objections().isEmpty());
    }
}
