package dk.ligevaerd.statement;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level comparison of two texts, as people read a change: whole words inserted or deleted,
 * not stray letters. Spaces and line breaks are kept as they are, so paragraphs stay paragraphs.
 */
public final class WordDiff {

    /** A word (letters, digits and the joiners inside words), a run of white space, or one other character. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}\\p{M}_'’-]+|\\s+|.", Pattern.DOTALL);

    private WordDiff() {
    }

    public enum Kind {
        SAME, INSERTED, DELETED
    }

    /** A stretch of the comparison; neighbouring stretches of the same kind are joined. */
    public record Part(Kind kind, String text) {
    }

    public static List<Part> compare(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        Parts parts = new Parts();
        int pos = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            parts.add(Kind.SAME, a.subList(pos, at));
            parts.add(Kind.DELETED, delta.getSource().getLines());
            parts.add(Kind.INSERTED, delta.getTarget().getLines());
            pos = at + delta.getSource().size();
        }
        parts.add(Kind.SAME, a.subList(pos, a.size()));
        return parts.list;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static final class Parts {
        final List<Part> list = new ArrayList<>();

        void add(Kind kind, List<String> tokens) {
            if (tokens.isEmpty()) {
                return;
            }
            String text = String.join("", tokens);
            if (!list.isEmpty() && list.getLast().kind() == kind) {
                list.set(list.size() - 1, new Part(kind, list.getLast().text() + text));
            } else {
                list.add(new Part(kind, text));
            }
        }
    }
}
