package dk.ligevaerd.shared.cluster;

import java.util.regex.Pattern;

/**
 * One message between nodes as it travels in a {@code NOTIFY} payload:
 * {@code 1;<node>;<topic>;<body>}, for example {@code 1;k3x9q0a7mz;event;42.BallotCountChanged}.
 * The leading {@code 1} is the format's version, so a node can recognise (and ignore) messages of
 * a later format during a rolling upgrade.
 *
 * <p>Only ASCII letters, digits and a few separators are allowed, so a payload can hold ids and
 * names of kinds but not free text, and its length in characters is its length in bytes.
 * PostgreSQL refuses payloads of 8000 bytes or more.
 */
record ClusterMessage(String node, String topic, String body) {

    /** The longest payload, in bytes (= characters): PostgreSQL takes payloads shorter than 8000 bytes. */
    static final int MAX_LENGTH = 7_999;
    static final String VERSION = "1";

    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern TOPIC = Pattern.compile("[a-z]{1,16}");
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9.,:_=-]*");

    ClusterMessage {
        if (!NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("A node id is 1 to 32 letters, digits or '-': " + abbreviate(node));
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("A topic is 1 to 16 lower-case letters: " + abbreviate(topic));
        }
        if (!BODY.matcher(body).matches()) {
            throw new IllegalArgumentException("A body holds only letters, digits and . , : _ = -: " + abbreviate(body));
        }
        if (body.length() > maxBodyLength(node, topic)) {
            throw new IllegalArgumentException("A body of " + body.length() + " characters is longer than "
                    + maxBodyLength(node, topic));
        }
    }

    static int maxBodyLength(String node, String topic) {
        return MAX_LENGTH - VERSION.length() - node.length() - topic.length() - 3;
    }

    String encode() {
        return VERSION + ';' + node + ';' + topic + ';' + body;
    }

    /**
     * Reads a payload.
     *
     * @throws IllegalArgumentException for anything that is not a message of this format
     */
    static ClusterMessage decode(String payload) {
        if (payload.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A payload of " + payload.length() + " characters");
        }
        String[] parts = payload.split(";", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Not four parts separated by ';': " + abbreviate(payload));
        }
        if (!VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("Format " + abbreviate(parts[0]) + ", not " + VERSION);
        }
        return new ClusterMessage(parts[1], parts[2], parts[3]);
    }

    /** For log lines: short, and without control characters that could forge a line of their own. */
    static String abbreviate(String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60) + "…";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
