package dk.ligevaerd.statement.collab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who wrote each character of the current text, so that the statement can be coloured by side and
 * the equality view can show each side's share of it. Kept as runs of consecutive characters by
 * the same author, and updated change by change rather than recomputed from a diff: a diff would
 * guess, whereas each accepted change says exactly what was deleted and what its author inserted.
 *
 * <p>A replaced character belongs to whoever replaced it; a deleted one no longer counts for
 * anyone. Rebuilding from the stored changes ({@link #replay}) gives exactly what incremental
 * updating gives. Not thread-safe: it lives beside the {@link Authority} under the same lock.
 */
public final class Authorship {

    private final List<Run> runs;
    private int length;

    private Authorship(List<Run> runs, int length) {
        this.runs = runs;
        this.length = length;
    }

    /** The authorship of an empty text. */
    public static Authorship empty() {
        return new Authorship(new ArrayList<>(), 0);
    }

    /**
     * Restores authorship saved as {@link #spans()}, for instance beside a snapshot of the text.
     *
     * @throws IllegalArgumentException unless the spans cover the text from 0 without gaps
     */
    public static Authorship of(List<Span> spans) {
        Authorship authorship = empty();
        for (Span span : spans) {
            if (span.from() != authorship.length || span.to() < span.from()) {
                throw new IllegalArgumentException("Span " + span + " does not follow position " + authorship.length);
            }
            authorship.append(span.length(), span.author());
        }
        return authorship;
    }

    /** Rebuilds the authorship by replaying accepted changes from an empty text. */
    public static Authorship replay(List<AcceptedUpdate> updates) {
        Authorship authorship = empty();
        updates.forEach(authorship::apply);
        return authorship;
    }

    /** Follows an accepted change. */
    public void apply(AcceptedUpdate update) {
        apply(update.author(), update.changes());
    }

    /**
     * Follows a change made by {@code author}: what it deleted is forgotten, what it inserted is
     * theirs.
     *
     * @throws IllegalArgumentException if the change is for a text of another length
     */
    public void apply(Author author, ChangeSet changes) {
        if (changes.lengthBefore() != length) {
            throw new IllegalArgumentException(
                    "Change for length " + changes.lengthBefore() + ", authorship of length " + length);
        }
        List<Run> old = List.copyOf(runs);
        runs.clear();
        int oldLength = length;
        length = 0;
        RunCursor cursor = new RunCursor(old);
        int pos = 0;
        for (ChangeSet.Change change : changes.changes()) {
            cursor.copy(change.fromA() - pos, this);
            cursor.skip(change.toA() - change.fromA());
            append(change.inserted().length(), author);
            pos = change.toA();
        }
        cursor.copy(oldLength - pos, this);
    }

    /** The length of the text this authorship describes. */
    public int length() {
        return length;
    }

    /** Consecutive stretches by one author each, in order, covering the whole text. */
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>(runs.size());
        int pos = 0;
        for (Run run : runs) {
            spans.add(new Span(pos, pos + run.length(), run.author()));
            pos += run.length();
        }
        return List.copyOf(spans);
    }

    /** How many characters of the text each side wrote, by side id; sides with none are absent. */
    public Map<Long, Integer> shares() {
        Map<Long, Integer> shares = new TreeMap<>();
        for (Run run : runs) {
            shares.merge(run.author().sideId(), run.length(), Integer::sum);
        }
        return Collections.unmodifiableMap(shares);
    }

    private void append(int count, Author author) {
        if (count == 0) {
            return;
        }
        length += count;
        if (!runs.isEmpty() && runs.getLast().author().equals(author)) {
            runs.set(runs.size() - 1, new Run(runs.getLast().length() + count, author));
        } else {
            runs.add(new Run(count, author));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Authorship that && length == that.length && runs.equals(that.runs);
    }

    @Override
    public int hashCode() {
        return runs.hashCode();
    }

    @Override
    public String toString() {
        return spans().toString();
    }

    /** Characters {@code from}–{@code to} (exclusive) of the text were written by {@code author}. */
    public record Span(int from, int to, Author author) {
        public int length() {
            return to - from;
        }
    }

    private record Run(int length, Author author) {
    }

    /** Walks the runs of the text before a change, copying what the change keeps. */
    private static final class RunCursor {
        private final List<Run> runs;
        private int index;
        private int offset;

        RunCursor(List<Run> runs) {
            this.runs = runs;
        }

        void copy(int count, Authorship target) {
            while (count > 0) {
                Run run = runs.get(index);
                int piece = Math.min(count, run.length() - offset);
                target.append(piece, run.author());
                advance(piece);
                count -= piece;
            }
        }

        void skip(int count) {
            while (count > 0) {
                int piece = Math.min(count, runs.get(index).length() - offset);
                advance(piece);
                count -= piece;
            }
        }

        private void advance(int piece) {
            offset += piece;
            if (offset == runs.get(index).length()) {
                index++;
                offset = 0;
            }
        }
    }
}
