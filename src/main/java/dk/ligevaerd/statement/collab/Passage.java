package dk.ligevaerd.statement.collab;

import java.util.List;

/**
 * A stretch of the statement that something points at (a comment's passage, the text a suggestion
 * replaces), carried through everyone's changes as the editor carries carets.
 *
 * <p>The passage runs from its first to its last character that still stands, so typing just
 * outside it never widens it and typing inside it does; text deleted or replaced at its edges
 * narrows it. When every character of it is gone the passage is
 * {@linkplain #removed() removed}: it keeps the place where it was and its {@linkplain #wording last
 * wording}, and no later change brings it back.
 *
 * @param from where the passage starts in the current text
 * @param to where it ends (exclusive); equal to {@code from} only once removed, or for an insertion point
 * @param wording the passage's words as they last stood in the text
 * @param removed whether every character of the passage has been deleted
 */
public record Passage(int from, int to, String wording, boolean removed) {

    public Passage {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a passage: " + from + ".." + to);
        }
    }

    /** The passage {@code from..to} of {@code text} as it stands now. */
    public static Passage of(String text, int from, int to) {
        if (from < 0 || to < from || to > text.length()) {
            throw new IllegalArgumentException(
                    "Passage " + from + ".." + to + " is outside a text of length " + text.length());
        }
        return new Passage(from, to, text.substring(from, to), false);
    }

    /**
     * Where this passage stands after {@code change}, which turned the text it was taken from into
     * {@code newText}. An insertion point (an empty passage) only moves; it is never removed.
     */
    public Passage after(ChangeSet change, String newText) {
        if (change.isEmpty()) {
            return this;
        }
        if (removed || from == to) {
            int at = change.mapPos(from, removed ? -1 : 1);
            return new Passage(at, at, wording, removed);
        }
        List<ChangeSet.Change> changes = change.changes();
        int first = from;
        for (ChangeSet.Change c : changes) {
            if (c.fromA() <= first && first < c.toA()) {
                first = c.toA();
            }
        }
        int last = to - 1;
        for (int i = changes.size() - 1; i >= 0; i--) {
            ChangeSet.Change c = changes.get(i);
            if (c.fromA() <= last && last < c.toA()) {
                last = c.fromA() - 1;
            }
        }
        if (first >= to || last < from || last < first) {
            int at = change.mapPos(from, -1);
            return new Passage(at, at, wording, true);
        }
        // A character that survives the change moves exactly as mapPos with assoc 1 says.
        int newFrom = change.mapPos(first, 1);
        int newTo = change.mapPos(last, 1) + 1;
        return new Passage(newFrom, newTo, newText.substring(newFrom, newTo), false);
    }

    /** Where this passage stands after each change in turn, starting from the text it was taken from. */
    public Passage after(List<ChangeSet> changes, String startText) {
        Passage passage = this;
        String text = startText;
        for (ChangeSet change : changes) {
            text = change.apply(text);
            passage = passage.after(change, text);
        }
        return passage;
    }
}
