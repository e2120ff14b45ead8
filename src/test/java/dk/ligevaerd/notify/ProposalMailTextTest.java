package dk.ligevaerd.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.DefaultRule;
import dk.ligevaerd.workspace.ProposalAwaitingSides;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.RetentionRule;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFacts;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The sentence of the mail that tells a side a governance proposal awaits it. */
class ProposalMailTextTest {

    private static final long KOMMUNE = 1;
    private static final long FORENINGER = 2;
    private static final long ANE = 7;
    private static final WorkspaceFacts WORKSPACE = new WorkspaceFacts(3, "Sundhedshuset", "da",
            Map.of(KOMMUNE, "Kommune", FORENINGER, "Foreningerne"));

    /** Each kind with the particulars its proposal carries, as GovernanceService sets them. */
    private static ProposalAwaitingSides proposal(ProposalKind kind) {
        return switch (kind) {
            case JOINT_CLOSING_OFF, DELETE_WORKSPACE, SUGGESTIONS_BY_MODERATORS, SUGGESTIONS_BY_PARTICIPANTS,
                    OBSERVERS_MAY_COMMENT, OBSERVERS_MAY_NOT_COMMENT, UNARCHIVE -> event(kind, null, null, null, null, null);
            case ADD_SIDE -> event(kind, null, null, null, null, "Erhverv");
            case RENAME_SIDE -> event(kind, FORENINGER, null, null, null, "Civilsamfundet");
            case REMOVE_SIDE -> event(kind, FORENINGER, null, null, null, null);
            case DEFAULT_RULE -> event(kind, null, null, null, null, DefaultRule.CONSENT.name());
            case HAND_OVER, REMOVE_OBSERVER -> event(kind, null, null, ANE, null, null);
            case MOVE_MEMBER -> event(kind, KOMMUNE, FORENINGER, ANE, Role.PARTICIPANT, null);
            case OBSERVER_JOINS_SIDE -> event(kind, null, FORENINGER, ANE, Role.MODERATOR, null);
            case RETENTION -> event(kind, null, null, null, null,
                    new RetentionRule(12, LocalDate.of(2031, 6, 30), 24).toText());
        };
    }

    private static ProposalAwaitingSides event(ProposalKind kind, @Nullable Long sideId, @Nullable Long targetSideId,
            @Nullable Long subjectUserId, @Nullable Role role, @Nullable String text) {
        return new ProposalAwaitingSides(WORKSPACE.id(), 5, 11, kind, sideId, targetSideId, subjectUserId, role, text,
                Set.of(FORENINGER));
    }

    @Test
    void every_kind_of_proposal_reads_as_words_in_danish_and_english_with_no_placeholder_left() {
        for (ProposalKind kind : ProposalKind.values()) {
            for (Locale language : Messages.SUPPORTED) {
                String text = Notifier.proposalText(language, proposal(kind), WORKSPACE, "Ane Hansen");
                assertThat(text).as(kind + " in " + language)
                        .doesNotContain("{").doesNotContain("}").doesNotContainPattern("![a-z]+\\.").doesNotContain("null")
                        .contains("Sundhedshuset");
            }
        }
    }

    @Test
    void a_move_names_the_member_and_both_sides() {
        assertThat(Notifier.proposalText(Messages.DANISH, proposal(ProposalKind.MOVE_MEMBER), WORKSPACE, "Ane Hansen"))
                .contains("Flyt Ane Hansen fra “Kommune” til “Foreningerne”");
        assertThat(Notifier.proposalText(Messages.ENGLISH, proposal(ProposalKind.MOVE_MEMBER), WORKSPACE, "Ane Hansen"))
                .contains("Move Ane Hansen from “Kommune” to “Foreningerne”");
    }
}
