package dk.ligevaerd.workspace;

import java.util.Locale;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A governance proposal in words, in the reader's language: "Move Ane from “Kommune” to
 * “Foreningerne”". Public because the proposals panel and the mail that tells a side a proposal
 * awaits it must say the same thing.
 */
public final class ProposalText {

    private ProposalText() {
    }

    /**
     * Fills the kind's pattern ({@link ProposalKind#messageKey()}) with its particulars. The names
     * are the ones the reader knows now; an empty name where the kind has none.
     *
     * @param text           the proposal's text: a side's new name, a {@link DefaultRule}'s name or a
     *                       retention rule's text, as the kind has it
     * @param role           the role a move or an observer's seat gives
     * @param sideName       the side the proposal is about (renamed, removed, moved from)
     * @param subjectName    the person the proposal is about (handed over to, moved, removed)
     * @param targetSideName the side a member moves to or an observer joins
     */
    public static String describe(BiFunction<String, Object[], String> translate, Locale locale, ProposalKind kind,
            @Nullable String text, @Nullable Role role, String sideName, String subjectName, String targetSideName) {
        String particular = text == null ? "" : text;
        if (kind == ProposalKind.DEFAULT_RULE && text != null) {
            particular = translate.apply(DefaultRule.valueOf(text).messageKey(), new Object[0]);
        }
        if (kind == ProposalKind.OBSERVER_JOINS_SIDE && role != null) {
            particular = translate.apply(role.messageKey(), new Object[0]);
        }
        if (kind == ProposalKind.RETENTION) {
            particular = RetentionText.describe(translate, locale, RetentionRule.parse(text));
        }
        return translate.apply(kind.messageKey(), new Object[] {particular, sideName, subjectName, targetSideName});
    }
}
