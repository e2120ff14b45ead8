package dk.ligevaerd.history.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundKind;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.DefaultRule;
import dk.ligevaerd.workspace.ProposalKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An entry's detail names every constant it can hold in words, in Danish and in English: each
 * value of each enum that reaches the history has the key the history asks for, in both languages.
 */
class FactValuesTest {

    @Test
    void every_proposal_kind_in_a_proposal_entry_is_named_in_both_languages() {
        for (String entry : new String[] {"workspace.proposed", "workspace.proposalConfirmed",
                "workspace.proposalAdopted", "workspace.proposalWithdrawn"}) {
            for (ProposalKind kind : ProposalKind.values()) {
                assertNamedInBothLanguages(entry, "kind", kind.name());
            }
        }
    }

    @Test
    void every_round_kind_and_outcome_is_named_as_the_round_feature_names_it() {
        for (RoundKind kind : RoundKind.values()) {
            assertThat(FactValues.key("round.created", "kind", kind.name())).contains(kind.messageKey());
            assertNamedInBothLanguages("round.created", "kind", kind.name());
        }
        for (RecordView.Outcome outcome : RecordView.Outcome.values()) {
            for (String entry : new String[] {"round.closed", "round.closedAtTime"}) {
                assertThat(FactValues.key(entry, "outcome", outcome.name())).contains(outcome.messageKey());
                assertNamedInBothLanguages(entry, "outcome", outcome.name());
            }
        }
    }

    @Test
    void every_default_rule_language_comment_target_and_reason_for_archiving_is_named_in_both_languages() {
        for (DefaultRule rule : DefaultRule.values()) {
            assertNamedInBothLanguages("workspace.defaultRuleChanged", "rule", rule.name());
            assertNamedInBothLanguages("workspace.proposed", "rule", rule.name());
        }
        for (Locale language : Messages.SUPPORTED) {
            assertNamedInBothLanguages("workspace.languageChanged", "language", language.getLanguage());
        }
        for (TargetKind target : TargetKind.values()) {
            assertThat(FactValues.key("comment.started", "on", target.name().toLowerCase(Locale.ROOT)))
                    .contains(target.messageKey());
        }
        // WorkspaceRetention archives "idle" or "date".
        assertNamedInBothLanguages("workspace.archived", "reason", "idle");
        assertNamedInBothLanguages("workspace.archived", "reason", "date");
    }

    @Test
    void what_people_wrote_is_shown_as_they_wrote_it() {
        assertThat(FactValues.key("round.cancelled", "reason", "idle")).isEmpty();
        assertThat(FactValues.key("workspace.proposed", "name", "CONSENT")).isEmpty();
        assertThat(FactValues.key("workspace.proposed", "kind", "NO_SUCH_KIND")).isEmpty();
        assertThat(FactValues.key("workspace.proposed", "rule", "NO_SUCH_RULE")).isEmpty();
    }

    private static void assertNamedInBothLanguages(String entry, String fact, String value) {
        String key = FactValues.key(entry, fact, value).orElseThrow(
                () -> new AssertionError(entry + ": " + fact + "=" + value + " has no text"));
        String danish = Messages.get(Messages.DANISH, key);
        String english = Messages.get(Messages.ENGLISH, key);
        assertThat(danish).as(fact + "=" + value + " in Danish").doesNotStartWith("!").doesNotContain("{");
        assertThat(english).as(fact + "=" + value + " in English").doesNotStartWith("!").doesNotContain("{");
    }
}
