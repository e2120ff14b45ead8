package dk.ligevaerd.history.ui;

import dk.ligevaerd.workspace.DefaultRule;
import dk.ligevaerd.workspace.ProposalKind;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which text names a fact of a history entry whose value is a constant of the code, not something
 * a person typed: a proposal's kind, a rule, a round's kind or outcome, a language. Kept in one
 * place so that a test can hold every constant against both languages; an entry's detail must not
 * show {@code OBSERVERS_MAY_COMMENT}.
 */
final class FactValues {

    private FactValues() {
    }

    /**
     * The translation key of the value, or empty for a value shown as stored (titles, names, the
     * reasons people gave) or resolved elsewhere (sides, roles, yes and no, retention rules).
     *
     * @param entryKind the entry's kind ("workspace.proposed", "round.created", …): the same fact
     *                  means different things in different entries
     */
    static Optional<String> key(String entryKind, String fact, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return switch (fact) {
            // The round feature names its kinds and outcomes so ("round.kind.*", "record.outcome.*");
            // the history may not depend on it, so FactValuesTest holds these keys against its enums.
            case "kind" -> entryKind.startsWith("round.") ? Optional.of("round.kind." + lower)
                    : entryKind.startsWith("workspace.") ? constant(value, ProposalKind::valueOf, ProposalKind::nameKey)
                    : Optional.empty();
            case "outcome" -> Optional.of("record.outcome." + lower);
            case "rule" -> constant(value, DefaultRule::valueOf, DefaultRule::messageKey);
            case "language" -> Optional.of("settings.language." + lower);
            // What a comment thread is about, by the name its feature gives it.
            case "on" -> Optional.of("comment.target." + value);
            case "reason" -> entryKind.equals("workspace.archived")
                    ? Optional.of("history.value.archivedBecause." + lower) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static <E extends Enum<E>> Optional<String> constant(String value, Function<String, E> valueOf,
            Function<E, String> key) {
        try {
            return Optional.of(key.apply(valueOf.apply(value)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
