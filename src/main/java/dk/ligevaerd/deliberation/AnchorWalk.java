package dk.ligevaerd.deliberation;

import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.Passage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The walk that carries stored passages through accepted changes: each passage joins at the version
 * it was stored at and then moves with every later change exactly as {@link Passage#after} says.
 * Pure, so that it can be property-tested against simulated editors without Spring or a database.
 */
public final class AnchorWalk {

    /** A passage as stored: where it stood at {@code version}. */
    public record Stored(long id, Passage passage, int version) {
    }

    /** The passages carried to {@code version}, where the text is {@code text}. */
    public record Result(int version, String text, Map<Long, Passage> passages) {
    }

    private AnchorWalk() {
    }

    /**
     * Carries every stored passage to the version after the last of {@code updates}.
     *
     * @param startVersion the oldest version among {@code stored} (or any version not after it)
     * @param startText    the text at {@code startVersion}
     * @param updates      every change accepted after {@code startVersion}, in order, without a gap
     */
    public static Result carry(int startVersion, String startText, Collection<Stored> stored,
            List<AcceptedUpdate> updates) {
        TreeMap<Integer, List<Stored>> waiting = new TreeMap<>();
        for (Stored s : stored) {
            if (s.version() < startVersion) {
                throw new IllegalArgumentException("Passage " + s.id() + " is at " + s.version()
                        + ", before the walk starts at " + startVersion);
            }
            waiting.computeIfAbsent(s.version(), v -> new ArrayList<>()).add(s);
        }
        int version = startVersion;
        String text = startText;
        Map<Long, Passage> moving = new HashMap<>();
        join(waiting, version, moving);
        for (AcceptedUpdate update : updates) {
            if (update.version() != version + 1) {
                throw new IllegalArgumentException("Change " + update.version() + " does not follow " + version);
            }
            text = update.changes().apply(text);
            version = update.version();
            for (Map.Entry<Long, Passage> e : moving.entrySet()) {
                e.setValue(e.getValue().after(update.changes(), text));
            }
            join(waiting, version, moving);
        }
        if (!waiting.isEmpty()) {
            throw new IllegalArgumentException("Passages stored after the last change: " + waiting.keySet());
        }
        return new Result(version, text, moving);
    }

    private static void join(TreeMap<Integer, List<Stored>> waiting, int version, Map<Long, Passage> moving) {
        List<Stored> joining = waiting.remove(version);
        if (joining != null) {
            joining.forEach(s -> moving.put(s.id(), Objects.requireNonNull(s.passage())));
        }
    }
}
