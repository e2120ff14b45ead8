package dk.ligevaerd.statement;

import dk.ligevaerd.statement.collab.Authorship;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The text and authorship of statements at every {@value #INTERVAL}th version, so that a replay
 * frame is computed from the nearest checkpoint before it (at most a few dozen changes) rather than
 * from the empty text, which for a long history would mean thousands of changes on every move of
 * the slider.
 *
 * <p>Accepted changes are only ever appended, never altered, so a checkpoint once taken stays true
 * for good: when a history grows, later checkpoints are added as frames beyond the last one are
 * asked for, and none is recomputed. Checkpoints are offered in order, each following the one
 * before it, so every statement's list is a gapless prefix of its history.
 *
 * <p>Bounded in memory by a budget in characters (each authorship span counted as
 * {@value #SPAN_COST}): a statement whose checkpoints outgrow its share of the budget keeps every
 * second one (and so on), which bounds its memory whatever the length of its history at the cost of
 * a longer replay per frame; statements not replayed for the longest time are forgotten first.
 * Thread-safe: frames of many browsers are computed at once; the work itself happens outside the
 * lock, only the bookkeeping inside it.
 */
@Component
class ReplayCheckpoints {

    /** How many changes apart checkpoints are, at the finest. */
    static final int INTERVAL = 64;
    /** About 8 MB in all: characters are one or two bytes each, a span a few dozen. */
    static final long BUDGET = 4_000_000;
    static final int SPAN_COST = 24;

    private final int interval;
    private final long budget;
    /** No statement may take more than this, so that one long history cannot crowd out every other. */
    private final long perStatement;
    private final Map<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    ReplayCheckpoints() {
        this(INTERVAL, BUDGET);
    }

    ReplayCheckpoints(int interval, long budget) {
        this.interval = interval;
        this.budget = budget;
        this.perStatement = Math.max(1, budget / 4);
    }

    /** Every checkpoint is at a multiple of this; callers offer one at each multiple they pass. */
    int interval() {
        return interval;
    }

    /** The latest checkpoint of the statement at a version before {@code version}, if any. */
    synchronized @Nullable Checkpoint before(long statementId, int version) {
        Entry entry = entries.get(statementId);
        if (entry == null || version <= 1) {
            return null;
        }
        int index = Math.min((version - 1) / entry.interval, entry.points.size()) - 1;
        return index < 0 ? null : entry.points.get(index);
    }

    /**
     * Keeps the state at {@code version} if it is the next checkpoint the statement lacks; anything
     * else (another frame took it first, or it falls between checkpoints kept) is ignored.
     */
    synchronized void offer(long statementId, int version, String text, List<Authorship.Span> spans) {
        if (version <= 0 || version % interval != 0) {
            return;
        }
        Entry entry = entries.computeIfAbsent(statementId, id -> new Entry(interval));
        if (version % entry.interval != 0 || version / entry.interval != entry.points.size() + 1) {
            return;
        }
        Checkpoint point = new Checkpoint(version, text, List.copyOf(spans));
        entry.points.add(point);
        entry.cost += point.cost();
        used += point.cost();
        while (entry.cost > perStatement && entry.points.size() > 1) {
            thin(entry);
        }
        for (Iterator<Map.Entry<Long, Entry>> eldest = entries.entrySet().iterator();
                used > budget && eldest.hasNext(); ) {
            Map.Entry<Long, Entry> other = eldest.next();
            if (other.getValue() != entry) {
                used -= other.getValue().cost;
                eldest.remove();
            }
        }
    }

    /**
     * Forgets a statement whose checkpoints reach beyond its stored history. Histories only grow, so
     * this happens only if the database was put back to an earlier state under a running node.
     */
    synchronized void forgetBeyond(long statementId, int latestVersion) {
        Entry entry = entries.get(statementId);
        if (entry != null && !entry.points.isEmpty() && entry.points.getLast().version() > latestVersion) {
            used -= entry.cost;
            entries.remove(statementId);
        }
    }

    /** The versions of the statement's checkpoints, in order; for tests. */
    synchronized List<Integer> versions(long statementId) {
        Entry entry = entries.get(statementId);
        return entry == null ? List.of() : entry.points.stream().map(Checkpoint::version).toList();
    }

    /** The memory taken, in the budget's units; for tests. */
    synchronized long used() {
        return used;
    }

    /** Keeps every second checkpoint, doubling the distance between them. */
    private void thin(Entry entry) {
        List<Checkpoint> kept = new ArrayList<>(entry.points.size() / 2);
        long cost = 0;
        for (int i = 1; i < entry.points.size(); i += 2) {
            kept.add(entry.points.get(i));
            cost += entry.points.get(i).cost();
        }
        used += cost - entry.cost;
        entry.points.clear();
        entry.points.addAll(kept);
        entry.cost = cost;
        entry.interval *= 2;
    }

    /** The text at {@code version} and who wrote each stretch of it. */
    record Checkpoint(int version, String text, List<Authorship.Span> spans) {
        long cost() {
            return text.length() + (long) spans.size() * SPAN_COST + SPAN_COST;
        }
    }

    private static final class Entry {
        int interval;
        final List<Checkpoint> points = new ArrayList<>();
        long cost;

        Entry(int interval) {
            this.interval = interval;
        }
    }
}
