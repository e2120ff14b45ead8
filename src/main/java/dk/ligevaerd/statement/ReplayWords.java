package dk.ligevaerd.statement;

import dk.ligevaerd.statement.collab.ChangeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a replay word by word stops. A live editor accepts a change for almost every keystroke, so
 * stepping change by change moves a letter at a time; word by word, the changes one person makes
 * in a row while typing on (or deleting on) at the same place are taken together, up to the end of
 * each word with the spaces and punctuation after it. A change that does something else (a
 * replacement, several places at once) is a step of its own, as is every change by someone else.
 */
final class ReplayWords {

    private ReplayWords() {
    }

    /** One accepted change as the grouping needs it: who made it and what it did. */
    record Change(long authorId, long sideId, ChangeSet changes) {
    }

    /**
     * The versions at which a word-by-word replay stops, ascending; the last is the number of
     * changes (the latest), so every change belongs to exactly one step. Empty without changes.
     *
     * @param changes the accepted changes in order: element {@code i} made version {@code i + 1}
     */
    static List<Integer> stops(List<Change> changes) {
        List<Integer> stops = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (i == changes.size() - 1 || !continues(changes.get(i), changes.get(i + 1))) {
                stops.add(i + 1);
            }
        }
        return List.copyOf(stops);
    }

    /** Whether {@code next} goes on with the word {@code change} was writing (or deleting). */
    static boolean continues(Change change, Change next) {
        if (change.authorId() != next.authorId() || change.sideId() != next.sideId()) {
            return false;
        }
        List<ChangeSet.Change> these = change.changes().changes();
        List<ChangeSet.Change> those = next.changes().changes();
        if (these.size() != 1 || those.size() != 1) {
            return false;
        }
        ChangeSet.Change a = these.getFirst();
        ChangeSet.Change b = those.getFirst();
        boolean typed = a.fromA() == a.toA() && !a.inserted().isEmpty();
        boolean typesOn = b.fromA() == b.toA() && !b.inserted().isEmpty();
        if (typed && typesOn) {
            // Typing on at the end of what was just typed, and not starting a new word after a
            // finished one.
            return b.fromA() == a.toB() && !(endsWord(a.inserted()) && startsWord(b.inserted()));
        }
        boolean deleted = a.inserted().isEmpty() && a.toA() > a.fromA();
        boolean deletesOn = b.inserted().isEmpty() && b.toA() > b.fromA();
        // Backspace (ending where the last deletion began) or Delete (at the same place).
        return deleted && deletesOn && (b.toA() == a.fromB() || b.fromA() == a.fromB());
    }

    private static boolean endsWord(String typed) {
        return !Character.isLetterOrDigit(typed.codePointBefore(typed.length()));
    }

    private static boolean startsWord(String typed) {
        return Character.isLetterOrDigit(typed.codePointAt(0));
    }
}
