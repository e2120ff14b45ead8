package dk.ligevaerd.shared;

import org.jspecify.annotations.Nullable;

/** Checks shared by every field a user types into. */
public final class Text {

    private Text() {
    }

    /**
     * Trims the value and checks its length. An empty value is refused with
     * {@link #missingKey(String) what is missing} ("Give the version a name"), a long one with
     * {@code error.length} naming the field.
     */
    public static String required(@Nullable String value, int max, String fieldKey) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new DomainException(missingKey(fieldKey));
        }
        if (trimmed.length() > max) {
            throw new DomainException("error.length", Messages.key(fieldKey), 1, max);
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainException("error.controlCharacters", Messages.key(fieldKey));
        }
        requireNoForbiddenCharacter(trimmed, fieldKey);
        return trimmed;
    }

    /**
     * The message that says a required field is empty, in words that tell what to do:
     * {@code field.versionName} has {@code error.missing.versionName}. Each field that is required
     * has one in both languages (a test checks it).
     */
    public static String missingKey(String fieldKey) {
        return "error.missing." + fieldKey.substring(fieldKey.indexOf('.') + 1);
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
        requireNoForbiddenCharacter(trimmed, fieldKey);
        return trimmed;
    }

    /**
     * Refuses a text that holds a character from {@link #isForbidden} or a lone surrogate, with
     * {@code error.forbiddenCharacter} naming the field and the character's position (counted in
     * characters as a person sees them, from 1).
     */
    public static void requireNoForbiddenCharacter(String value, String fieldKey) {
        int index = forbiddenCharacterAt(value);
        if (index >= 0) {
            throw new DomainException("error.forbiddenCharacter", Messages.key(fieldKey),
                    value.codePointCount(0, index) + 1, String.format("U+%04X", value.codePointAt(index)));
        }
    }

    /**
     * The UTF-16 index of the first character that must not be stored in a user's text, or -1.
     * Such characters are those of {@link #isForbidden} and halves of a surrogate pair that stand
     * alone (they are not valid text, and browsers and databases treat them differently).
     */
    public static int forbiddenCharacterAt(String value) {
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
            int codePoint = value.codePointAt(i);
            if (isForbidden(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /**
     * Whether a code point must never be stored in a user's text: the bidirectional controls
     * (Unicode's Bidi_Control property), which can make a passage read differently on screen from
     * what is stored, the 66 non-characters, which Unicode reserves for a program's own use, and
     * surrogate code points, which are not characters at all.
     */
    public static boolean isForbidden(int codePoint) {
        return isBidiControl(codePoint) || isNonCharacter(codePoint)
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    /** The Bidi_Control property of Unicode 16 (PropList.txt): exactly these twelve code points. */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C // ARABIC LETTER MARK
                || codePoint == 0x200E || codePoint == 0x200F // LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK
                || (codePoint >= 0x202A && codePoint <= 0x202E) // embeddings, overrides and their POP
                || (codePoint >= 0x2066 && codePoint <= 0x2069); // isolates and their POP
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)
                || (codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT && (codePoint & 0xFFFE) == 0xFFFE);
    }

    /** The text as HTML text or attribute value: {@code < > & " '} as character references. */
    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
