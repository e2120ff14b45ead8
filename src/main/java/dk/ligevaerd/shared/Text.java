package dk.ligevaerd.shared;

import org.jspecify.annotations.Nullable;

/** Checks shared by every field a user types into. */
public final class Text {

    private Text() {
    }

    /**
     * Trims the value and checks its length; refuses with {@code error.length} naming the field.
     */
    public static String required(@Nullable String value, int max, String fieldKey) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw new DomainException("error.length", Messages.key(fieldKey), 1, max);
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainException("error.controlCharacters", Messages.key(fieldKey));
        }
        return trimmed;
    }

    /** Like {@link #required} but an empty value is allowed and becomes "". */
    public static String optional(@Nullable String value, int max, String fieldKey) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > max) {
            throw new DomainException("error.length", Messages.key(fieldKey), 0, max);
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new DomainException("error.controlCharacters", Messages.key(fieldKey));
        }
        return trimmed;
    }
}
