package dk.ligevaerd.statement.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * What nodes tell each other about the people in their live editors, as the body of a cluster
 * message (topic {@value #TOPIC}). Ids only, never names: the receiving node reads names, sides and
 * colours from its own database. Every message has the sending node's sequence number, so that two
 * equal messages are never folded into one on the way.
 *
 * <ul>
 *   <li>{@code on.<seq>.<workspace>:<session>:<user>:<e|v>} — an editor connected on the sending node
 *       ({@code e} if it may write, {@code v} if it only follows);
 *   <li>{@code off.<seq>.<workspace>:<session>} — it disconnected;
 *   <li>{@code at.<seq>.<workspace>:<session>:<ranges>,…} — the newest carets and selections of one or
 *       more editors, {@code <ranges>} being {@code <anchor>-<head>} joined by {@code _} (possibly none);
 *   <li>{@code hb.<seq>.<workspace>:<session>:<user>:<e|v>,…} — every editor connected there (one part
 *       of them, when long);
 *   <li>{@code ask.<seq>} — the sender (re)started listening: please send a heartbeat now;
 *   <li>{@code bye.<seq>} — the sender stops: forget all its editors.
 * </ul>
 */
sealed interface EditorMessage {

    String TOPIC = "editors";

    long seq();

    String encode();

    /** An editor's connection on its own node: {@code session} is the id that node gave it. */
    record Editor(long workspaceId, String session, long userId, boolean canEdit) {
        private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9]{1,24}");

        public Editor {
            checkIds(workspaceId, session);
            if (userId <= 0) {
                throw new IllegalArgumentException("A user id is positive: " + userId);
            }
        }

        String encode() {
            return workspaceId + ":" + session + ":" + userId + ":" + (canEdit ? "e" : "v");
        }

        static Editor decode(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 4 || !(parts[3].equals("e") || parts[3].equals("v"))) {
                throw new IllegalArgumentException("Not <workspace>:<session>:<user>:<e|v>: " + text);
            }
            return new Editor(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2]), parts[3].equals("e"));
        }

        static void checkIds(long workspaceId, String session) {
            if (workspaceId <= 0 || !SESSION.matcher(session).matches()) {
                throw new IllegalArgumentException("Not a workspace and session: " + workspaceId + ":" + session);
            }
        }
    }

    /** One editor's carets and selections: pairs of anchor and head. */
    record Carets(long workspaceId, String session, List<Range> ranges) {
        public Carets {
            Editor.checkIds(workspaceId, session);
            ranges = List.copyOf(ranges);
            if (ranges.size() > LiveSocketHandler.MAX_RANGES) {
                throw new IllegalArgumentException("More than " + LiveSocketHandler.MAX_RANGES + " ranges");
            }
        }

        String encode() {
            StringBuilder text = new StringBuilder().append(workspaceId).append(':').append(session).append(':');
            for (int i = 0; i < ranges.size(); i++) {
                if (i > 0) {
                    text.append('_');
                }
                text.append(ranges.get(i).anchor()).append('-').append(ranges.get(i).head());
            }
            return text.toString();
        }

        static Carets decode(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("Not <workspace>:<session>:<ranges>: " + text);
            }
            List<Range> ranges = new ArrayList<>();
            if (!parts[2].isEmpty()) {
                for (String range : parts[2].split("_", -1)) {
                    int dash = range.indexOf('-');
                    if (dash <= 0) {
                        throw new IllegalArgumentException("Not <anchor>-<head>: " + range);
                    }
                    ranges.add(new Range(Integer.parseInt(range, 0, dash, 10),
                            Integer.parseInt(range, dash + 1, range.length(), 10)));
                }
            }
            return new Carets(Long.parseLong(parts[0]), parts[1], ranges);
        }
    }

    record Range(int anchor, int head) {
        public Range {
            if (anchor < 0 || head < 0 || anchor > LiveSocketHandler.MAX_POSITION
                    || head > LiveSocketHandler.MAX_POSITION) {
                throw new IllegalArgumentException("A position out of range: " + anchor + "-" + head);
            }
        }
    }

    record Joined(long seq, Editor editor) implements EditorMessage {
        @Override
        public String encode() {
            return "on." + seq + "." + editor.encode();
        }
    }

    record Left(long seq, long workspaceId, String session) implements EditorMessage {
        public Left {
            Editor.checkIds(workspaceId, session);
        }

        @Override
        public String encode() {
            return "off." + seq + "." + workspaceId + ":" + session;
        }
    }

    record Moved(long seq, List<Carets> carets) implements EditorMessage {
        public Moved {
            carets = List.copyOf(carets);
        }

        @Override
        public String encode() {
            return join("at.", seq, carets.stream().map(Carets::encode).toList());
        }

        /** The carets as messages of at most {@code maxLength} characters each (none if there are none). */
        static List<Moved> of(Collection<Carets> carets, int maxLength, LongSupplier seq) {
            return EditorMessage.parts(carets, Carets::encode, maxLength, part -> new Moved(seq.getAsLong(), part));
        }
    }

    record Heartbeat(long seq, List<Editor> editors) implements EditorMessage {
        public Heartbeat {
            editors = List.copyOf(editors);
        }

        @Override
        public String encode() {
            return join("hb.", seq, editors.stream().map(Editor::encode).toList());
        }

        /** The editors as heartbeats of at most {@code maxLength} characters each (none if there are none). */
        static List<Heartbeat> of(Collection<Editor> editors, int maxLength, LongSupplier seq) {
            return EditorMessage.parts(editors, Editor::encode, maxLength,
                    part -> new Heartbeat(seq.getAsLong(), part));
        }
    }

    record Asking(long seq) implements EditorMessage {
        @Override
        public String encode() {
            return "ask." + seq;
        }
    }

    record Farewell(long seq) implements EditorMessage {
        @Override
        public String encode() {
            return "bye." + seq;
        }
    }

    /**
     * Reads a body.
     *
     * @throws IllegalArgumentException for anything that is not one of the messages above
     */
    static EditorMessage decode(String body) {
        String[] parts = body.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("No sequence number: " + body);
        }
        long seq = Long.parseLong(parts[1]);
        return switch (parts[0]) {
            case "on" -> new Joined(seq, Editor.decode(only(parts, 3, body)[2]));
            case "off" -> {
                String[] key = only(parts, 3, body)[2].split(":", -1);
                if (key.length != 2) {
                    throw new IllegalArgumentException("Not <workspace>:<session>: " + body);
                }
                yield new Left(seq, Long.parseLong(key[0]), key[1]);
            }
            case "at" -> new Moved(seq, list(only(parts, 3, body)[2]).stream().map(Carets::decode).toList());
            case "hb" -> new Heartbeat(seq, list(only(parts, 3, body)[2]).stream().map(Editor::decode).toList());
            case "ask" -> {
                only(parts, 2, body);
                yield new Asking(seq);
            }
            case "bye" -> {
                only(parts, 2, body);
                yield new Farewell(seq);
            }
            default -> throw new IllegalArgumentException("Unknown editor message: " + body);
        };
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }

    private static String join(String prefix, long seq, List<String> items) {
        return prefix + seq + "." + String.join(",", items);
    }

    private static <T, M> List<M> parts(Collection<T> items, Function<T, String> encode,
            int maxLength, Function<List<T>, M> message) {
        List<M> parts = new ArrayList<>();
        List<T> part = new ArrayList<>();
        // The longest prefix: a kind of up to 3 letters, a sequence number of up to 19 digits, two dots.
        int length = 24;
        for (T item : items) {
            int more = encode.apply(item).length() + (part.isEmpty() ? 0 : 1);
            if (!part.isEmpty() && length + more > maxLength) {
                parts.add(message.apply(part));
                part = new ArrayList<>();
                length = 24;
                more = encode.apply(item).length();
            }
            part.add(item);
            length += more;
        }
        if (!part.isEmpty()) {
            parts.add(message.apply(part));
        }
        return parts;
    }

    private static String[] only(String[] parts, int count, String body) {
        if (parts.length != count) {
            throw new IllegalArgumentException("Expected " + count + " parts: " + body);
        }
        return parts;
    }
}
