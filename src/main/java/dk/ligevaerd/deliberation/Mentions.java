package dk.ligevaerd.deliberation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds whom a comment mentions: {@code @} followed by a member's display name as it is written,
 * for example {@code @Anne Hansen}. Names are matched without regard to case, the longest name
 * first (so {@code @Anne Hansen} means Anne Hansen even when another member is called Anne), and a
 * name must end where a word ends ({@code @Annette} does not mention Anne). An {@code @} inside an
 * e-mail address ({@code anne@kommune.dk}) is no mention. Two members of the same name are both
 * mentioned. Pure: the caller says who may be mentioned.
 */
public final class Mentions {

    private Mentions() {
    }

    /**
     * The ids of the people the text mentions, in the order first mentioned.
     *
     * @param names the display names of the people who may be mentioned, by user id
     */
    public static List<Long> find(String text, Map<Long, String> names) {
        List<Map.Entry<Long, String>> candidates = new ArrayList<>();
        for (Map.Entry<Long, String> e : names.entrySet()) {
            String name = e.getValue() == null ? "" : e.getValue().strip();
            if (!name.isEmpty()) {
                candidates.add(Map.entry(e.getKey(), name));
            }
        }
        candidates.sort(Comparator.comparingInt((Map.Entry<Long, String> e) -> e.getValue().length()).reversed()
                .thenComparing(Map.Entry::getKey));
        Set<Long> found = new LinkedHashSet<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '@' || (i > 0 && partOfAddress(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int longest = -1;
            for (Map.Entry<Long, String> c : candidates) {
                String name = c.getValue();
                if (longest > name.length()) {
                    break;
                }
                int end = i + 1 + name.length();
                if (text.regionMatches(true, i + 1, name, 0, name.length())
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    found.add(c.getKey());
                    longest = name.length();
                }
            }
            i += longest > 0 ? longest + 1 : 1;
        }
        return List.copyOf(found);
    }

    /** Characters that may stand before the {@code @} of an e-mail address. */
    private static boolean partOfAddress(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
