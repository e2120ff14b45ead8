package dk.ligevaerd.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.shared.Messages;
import org.junit.jupiter.api.Test;

/**
 * Every proposal is shown and mailed by its kind's name with its particulars; the history, which
 * knows only the kind, names it without them.
 */
class ProposalKindTest {

    @Test
    void every_proposal_kind_is_named_in_danish_and_in_english() {
        for (ProposalKind kind : ProposalKind.values()) {
            String danish = Messages.get(Messages.DANISH, kind.messageKey());
            String english = Messages.get(Messages.ENGLISH, kind.messageKey());
            assertThat(danish).as(kind + " in Danish").doesNotStartWith("!");
            assertThat(english).as(kind + " in English").doesNotStartWith("!").isNotEqualTo(danish);
        }
    }

    @Test
    void every_proposal_kind_has_a_name_without_particulars_in_danish_and_in_english() {
        for (ProposalKind kind : ProposalKind.values()) {
            String danish = Messages.get(Messages.DANISH, kind.nameKey());
            String english = Messages.get(Messages.ENGLISH, kind.nameKey());
            assertThat(danish).as(kind + " in Danish").doesNotStartWith("!").doesNotContain("{");
            assertThat(english).as(kind + " in English").doesNotStartWith("!").doesNotContain("{")
                    .isNotEqualTo(danish);
        }
    }
}
