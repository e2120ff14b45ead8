package dk.ligevaerd.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.shared.Messages;
import org.junit.jupiter.api.Test;

/** Every proposal is shown, mailed and kept in the history by its kind's name. */
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
}
