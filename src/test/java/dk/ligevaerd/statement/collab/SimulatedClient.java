package dk.ligevaerd.statement.collab;

import java.util.ArrayList;
import java.util.List;

/**
 * A browser's side of the protocol, doing exactly what {@code @codemirror/collab} 6.1.1 does, so
 * that tests of the authority exercise the same rebasing the real editor will. Local edits apply at
 * once and wait as unconfirmed updates; received updates that carry this client's ID confirm its
 * oldest unconfirmed ones, which are then dropped; everyone else's are composed and the remaining
 * unconfirmed updates are mapped over them ({@code receiveUpdates}).
 * {@code CodeMirrorCompatibilityTest} checks it against results computed by CodeMirror itself.
 */
final class SimulatedClient {

    private final String clientId;
    private final Author author;
    private int version;
    private String doc;
    private List<ChangeSet> unconfirmed = new ArrayList<>();

    SimulatedClient(String clientId, Author author, String doc, int version) {
        this.clientId = clientId;
        this.author = author;
        this.doc = doc;
        this.version = version;
    }

    String clientId() {
        return clientId;
    }

    int version() {
        return version;
    }

    String doc() {
        return doc;
    }

    List<ChangeSet> unconfirmed() {
        return List.copyOf(unconfirmed);
    }

    /** A local edit, as a transaction in the editor: applied at once, sent later. */
    void edit(ChangeSet changes) {
        doc = changes.apply(doc);
        if (!changes.isEmpty()) {
            unconfirmed.add(changes);
        }
    }

    /** What {@code sendableUpdates} returns: every unconfirmed update, oldest first. */
    List<Update> sendable() {
        return unconfirmed.stream().map(changes -> new Update(clientId, author, changes)).toList();
    }

    /**
     * {@code receiveUpdates}: the updates must follow this client's version without a gap (the
     * transport drops what it has seen already and fetches what is missing).
     */
    void receive(List<AcceptedUpdate> updates) {
        if (!updates.isEmpty() && updates.getFirst().version() != version + 1) {
            throw new IllegalArgumentException(
                    "Updates start at " + updates.getFirst().version() + ", client is at " + version);
        }
        version += updates.size();
        ChangeSet remote = null;
        int own = 0;
        for (AcceptedUpdate update : updates) {
            if (own < unconfirmed.size() && update.clientId().equals(clientId)) {
                if (remote != null) {
                    remote = remote.map(unconfirmed.get(own), true);
                }
                own++;
            } else {
                remote = remote == null ? update.changes() : remote.compose(update.changes());
            }
        }
        List<ChangeSet> rest = new ArrayList<>(unconfirmed.subList(own, unconfirmed.size()));
        if (remote != null) {
            for (int k = 0; k < rest.size(); k++) {
                ChangeSet local = rest.get(k);
                rest.set(k, local.map(remote, false));
                remote = remote.map(local, true);
            }
            doc = remote.apply(doc);
        }
        unconfirmed = rest;
    }
}
