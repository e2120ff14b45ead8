package dk.ligevaerd.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What nodes tell each other about presence, as the body of a cluster message. Every message has
 * the sending node's sequence number, which keeps two equal messages (someone arrives, leaves and
 * arrives again) from being folded into one on the way.
 *
 * <ul>
 *   <li>{@code on.<seq>.<workspace>:<user>} — the user is present on the sending node;
 *   <li>{@code off.<seq>.<workspace>:<user>} — no longer;
 *   <li>{@code hb.<seq>.<workspace>:<user>,…} — everyone present there (one part of it, when long);
 *   <li>{@code ask.<seq>} — the sender (re)started listening: please send a heartbeat now;
 *   <li>{@code bye.<seq>} — the sender stops: forget everyone it said was present.
 * </ul>
 */
sealed interface PresenceMessage {

    long seq();

    String encode();

    /** A user in a workspace. */
    record Key(long workspaceId, long userId) {
        public Key {
            if (workspaceId <= 0 || userId <= 0) {
                throw new IllegalArgumentException("Ids are positive: " + workspaceId + ":" + userId);
            }
        }

        String encode() {
            return workspaceId + ":" + userId;
        }

        static Key decode(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Not <workspace>:<user>: " + text);
            }
            return new Key(Long.parseLong(text, 0, colon, 10), Long.parseLong(text, colon + 1, text.length(), 10));
        }
    }

    record Arrived(long seq, Key key) implements PresenceMessage {
        @Override
        public String encode() {
            return "on." + seq + "." + key.encode();
        }
    }

    record Left(long seq, Key key) implements PresenceMessage {
        @Override
        public String encode() {
            return "off." + seq + "." + key.encode();
        }
    }

    record Heartbeat(long seq, List<Key> present) implements PresenceMessage {
        public Heartbeat {
            present = List.copyOf(present);
        }

        @Override
        public String encode() {
            StringBuilder body = new StringBuilder("hb.").append(seq).append('.');
            for (int i = 0; i < present.size(); i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append(present.get(i).encode());
            }
            return body.toString();
        }

        /**
         * Everyone present, as heartbeats of at most {@code maxLength} characters each (at least
         * one, even when nobody is present, so the others know the node is alive).
         */
        static List<Heartbeat> of(Collection<Key> present, int maxLength, LongSupplier seq) {
            List<Heartbeat> parts = new ArrayList<>();
            List<Key> part = new ArrayList<>();
            // The longest prefix: "hb." plus a sequence number of up to 19 digits plus ".".
            int length = 23;
            for (Key key : present) {
                int more = key.encode().length() + (part.isEmpty() ? 0 : 1);
                if (!part.isEmpty() && length + more > maxLength) {
                    parts.add(new Heartbeat(seq.getAsLong(), part));
                    part = new ArrayList<>();
                    length = 23;
                    more = key.encode().length();
                }
                part.add(key);
                length += more;
            }
            parts.add(new Heartbeat(seq.getAsLong(), part));
            return parts;
        }
    }

    record Asking(long seq) implements PresenceMessage {
        @Override
        public String encode() {
            return "ask." + seq;
        }
    }

    record Farewell(long seq) implements PresenceMessage {
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
    static PresenceMessage decode(String body) {
        String[] parts = body.split("\\.", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("No sequence number: " + body);
        }
        long seq = Long.parseLong(parts[1]);
        return switch (parts[0]) {
            case "on" -> new Arrived(seq, Key.decode(only(parts, 3, body)[2]));
            case "off" -> new Left(seq, Key.decode(only(parts, 3, body)[2]));
            case "hb" -> {
                String list = only(parts, 3, body)[2];
                List<Key> present = new ArrayList<>();
                if (!list.isEmpty()) {
                    for (String key : list.split(",", -1)) {
                        present.add(Key.decode(key));
                    }
                }
                yield new Heartbeat(seq, present);
            }
            case "ask" -> {
                only(parts, 2, body);
                yield new Asking(seq);
            }
            case "bye" -> {
                only(parts, 2, body);
                yield new Farewell(seq);
            }
            default -> throw new IllegalArgumentException("Unknown presence message: " + body);
        };
    }

    private static String[] only(String[] parts, int count, String body) {
        if (parts.length != count) {
            throw new IllegalArgumentException("Expected " + count + " parts: " + body);
        }
        return parts;
    }
}
