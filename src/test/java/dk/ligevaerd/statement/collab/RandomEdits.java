package dk.ligevaerd.statement.collab;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random edits of the kinds people make: typing, deleting, replacing, and now and then several
 * places at once (multiple cursors), often at the very same positions, since ties are where
 * transformation goes wrong.
 */
final class RandomEdits {

    private static final String PIECES = "xyæ\n";

    private RandomEdits() {
    }

    /** A random change of a text of the given length, the same for the same seed. */
    static ChangeSet change(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return change(length, random, () -> String.valueOf(PIECES.charAt(random.nextInt(PIECES.length()))));
    }

    /**
     * One to three replacements of up to three characters, each inserting zero to two pieces of
     * {@code text}; later ones are placed in the text the earlier ones produced, so ranges may touch.
     */
    static ChangeSet change(int length, SplittableRandom random, Supplier<String> text) {
        ChangeSet result = ChangeSet.empty(length);
        int ranges = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int k = 0; k < ranges; k++) {
            int current = result.lengthAfter();
            int from = random.nextInt(current + 1);
            int to = Math.min(current, from + random.nextInt(4));
            StringBuilder inserted = new StringBuilder();
            for (int n = random.nextInt(3); n > 0; n--) {
                inserted.append(text.get());
            }
            result = result.compose(ChangeSet.replace(current, from, to, inserted.toString()));
        }
        return result;
    }
}
