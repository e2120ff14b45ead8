package dk.ligevaerd.statement.collab;

import java.util.List;

/**
 * The authority's answer to a batch of updates. A sealed type rather than exceptions, because
 * being behind is the ordinary course of concurrent typing, not an error, and the caller must
 * decide for each outcome what to tell the browser.
 */
public sealed interface Receipt {

    /**
     * The whole batch was accepted: it moved the text from {@code baseVersion} to
     * {@link #version()}, and the result is {@code text}.
     */
    record Accepted(int baseVersion, List<AcceptedUpdate> updates, String text) implements Receipt {

        public Accepted {
            updates = List.copyOf(updates);
        }

        /** The version after these updates. */
        public int version() {
            return baseVersion + updates.size();
        }
    }

    /**
     * Others' changes were accepted since the browser's version: it must fetch them
     * ({@link Authority#updatesSince}), rebase its own on top, and send again. Nothing was kept.
     */
    record Behind(int clientVersion, int version) implements Receipt {
    }

    /** The batch cannot be accepted, now or later; nothing was kept. */
    record Refused(InvalidChange reason) implements Receipt {

        public String messageKey() {
            return reason.messageKey();
        }
    }
}
