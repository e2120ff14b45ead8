package dk.ligevaerd.round.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every refusal a voter can meet, with the message key and arguments the UI translates. */
class BallotValidationTest {

    static final long KOMMUNE = 1;
    static final long CIVIL = 2;
    static final long A = 10;
    static final long B = 20;
    static final long C = 30;
    static final long UNKNOWN = 99;

    final DotVoting dots = new DotVoting(Set.of(A, B, C), 5, 3, Quorum.DEFAULT);
    final RankingVoting ranking = new RankingVoting(Set.of(A, B, C), Quorum.DEFAULT);

    static BallotRejected refusal(ThrowingCallable call) {
        BallotRejected rejected = catchThrowableOfType(BallotRejected.class, call);
        assertThat(rejected).as("expected a BallotRejected").isNotNull();
        return rejected;
    }

    static void assertRefused(ThrowingCallable call, String key, Object... arguments) {
        BallotRejected rejected = refusal(call);
        assertThat(rejected.messageKey()).isEqualTo(key);
        assertThat(rejected.arguments()).containsExactly(arguments);
    }

    @Test
    void a_dot_ballot_within_budget_and_cap_is_accepted_even_if_it_spends_less() {
        assertThatCode(() -> dots.validate(new DotBallot(Map.of(A, 3, B, 2)))).doesNotThrowAnyException();
        assertThatCode(() -> dots.validate(new DotBallot(Map.of(C, 1)))).doesNotThrowAnyException();
        assertThatCode(() -> dots.validate(new DotBallot(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void negative_points_are_refused() {
        assertRefused(() -> dots.validate(new DotBallot(Map.of(A, 3, B, -1))), "error.ballot.negativePoints");
    }

    @Test
    void more_points_on_one_option_than_the_cap_are_refused_with_cap_and_points_given() {
        assertRefused(() -> dots.validate(new DotBallot(Map.of(A, 4))), "error.ballot.overCap", 3, 4);
    }

    @Test
    void more_points_in_all_than_the_budget_are_refused_with_budget_and_total_given() {
        assertRefused(() -> dots.validate(new DotBallot(Map.of(A, 3, B, 2, C, 1))), "error.ballot.overBudget", 5, 6L);
    }

    @Test
    void points_for_an_option_not_in_the_round_are_refused() {
        assertRefused(() -> dots.validate(new DotBallot(Map.of(UNKNOWN, 1))), "error.ballot.unknownOption");
    }

    @Test
    void a_ranking_of_some_options_in_any_order_is_accepted() {
        assertThatCode(() -> ranking.validate(RankingBallot.of(C, A))).doesNotThrowAnyException();
        assertThatCode(() -> ranking.validate(RankingBallot.of(B, C, A))).doesNotThrowAnyException();
    }

    @Test
    void a_ranking_that_names_an_option_twice_is_refused() {
        assertRefused(() -> ranking.validate(RankingBallot.of(A, B, A)), "error.ballot.duplicateInRanking");
    }

    @Test
    void a_ranking_that_names_an_option_not_in_the_round_is_refused() {
        assertRefused(() -> ranking.validate(RankingBallot.of(A, UNKNOWN)), "error.ballot.unknownOption");
    }

    @Test
    void an_objection_without_a_reason_is_refused() {
        AdoptVoting consent = new AdoptVoting(AdoptRule.CONSENT, Quorum.DEFAULT);

        assertRefused(() -> consent.validate(AdoptBallot.object(null)), "error.ballot.objectionWithoutReason");
        assertRefused(() -> consent.validate(AdoptBallot.object(" \n\t ")), "error.ballot.objectionWithoutReason");
    }

    @Test
    void an_objection_with_a_reason_longer_than_the_limit_is_refused_with_the_limit() {
        AdoptVoting consent = new AdoptVoting(AdoptRule.CONSENT, Quorum.DEFAULT);

        assertThatCode(() -> consent.validate(AdoptBallot.object("x".repeat(AdoptBallot.REASON_MAX_LENGTH))))
                .doesNotThrowAnyException();
        assertRefused(() -> consent.validate(AdoptBallot.object("x".repeat(AdoptBallot.REASON_MAX_LENGTH + 1))),
                "error.ballot.objectionReasonTooLong", AdoptBallot.REASON_MAX_LENGTH);
    }

    @Test
    void an_objection_is_refused_outside_consent() {
        for (AdoptRule rule : List.of(AdoptRule.SIDE_PARITY, AdoptRule.DOUBLE_MAJORITY)) {
            AdoptVoting voting = new AdoptVoting(rule, Quorum.DEFAULT);
            assertRefused(() -> voting.validate(AdoptBallot.object("Too expensive")),
                    "error.ballot.objectionNotAllowed");
        }
    }

    @Test
    void yes_no_and_abstain_are_accepted_under_every_rule() {
        for (AdoptRule rule : AdoptRule.values()) {
            AdoptVoting voting = new AdoptVoting(rule, Quorum.DEFAULT);
            for (AdoptBallot ballot : List.of(AdoptBallot.yes(), AdoptBallot.no(), AdoptBallot.abstain())) {
                assertThatCode(() -> voting.validate(ballot)).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void an_objection_reason_is_kept_without_surrounding_white_space() {
        assertThat(AdoptBallot.object("  Too expensive \n").reason()).isEqualTo("Too expensive");
    }

    @Test
    void only_an_objection_carries_a_reason() {
        assertThatThrownBy(() -> new AdoptBallot(Vote.NO, "Too expensive"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tally_refuses_to_count_an_invalid_ballot() {
        Map<Long, List<DotBallot>> ballots = Map.of(KOMMUNE, List.of(new DotBallot(Map.of(A, 3, B, 3))));

        assertThat(refusal(() -> dots.tally(Set.of(KOMMUNE, CIVIL), ballots)).messageKey())
                .isEqualTo("error.ballot.overBudget");
        assertThat(refusal(() -> new AdoptVoting(AdoptRule.SIDE_PARITY, Quorum.DEFAULT)
                .tally(Set.of(KOMMUNE), Map.of(KOMMUNE, List.of(AdoptBallot.object("No")))))
                .messageKey()).isEqualTo("error.ballot.objectionNotAllowed");
    }

    @Test
    void a_tally_refuses_ballots_from_a_side_that_is_not_in_the_round() {
        Map<Long, List<RankingBallot>> ballots = new HashMap<>();
        ballots.put(CIVIL, List.of(RankingBallot.of(A)));

        assertThatThrownBy(() -> ranking.tally(Set.of(KOMMUNE), ballots))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("side 2");
    }

    @Test
    void a_tally_needs_at_least_one_side() {
        assertThatThrownBy(() -> ranking.tally(Set.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_that_make_no_sense_are_refused_when_the_round_is_set_up() {
        List<ThrowingCallable> nonsense = List.of(
                () -> new DotVoting(Set.of(A), 0, 1, Quorum.DEFAULT),
                () -> new DotVoting(Set.of(A), 5, 0, Quorum.DEFAULT),
                () -> new DotVoting(Set.of(), 5, 3, Quorum.DEFAULT),
                () -> new RankingVoting(Set.of(A), Quorum.DEFAULT),
                () -> Quorum.of(-1));
        for (ThrowingCallable setUp : nonsense) {
            assertThatThrownBy(setUp).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void the_refusal_reports_its_key_and_arguments_in_its_message_for_the_log() {
        BallotRejected rejected = new BallotRejected("error.ballot.overCap", 3, 4);

        assertThat(rejected).hasMessage("error.ballot.overCap [3, 4]");
        assertThat(new BallotRejected("error.ballot.unknownOption")).hasMessage("error.ballot.unknownOption");
    }
}
