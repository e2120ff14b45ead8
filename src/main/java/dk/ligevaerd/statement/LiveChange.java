package dk.ligevaerd.statement;

import dk.ligevaerd.statement.collab.ChangeSet;

/** One change as a live editor proposes it: its client ID and what it changes. */
public record LiveChange(String clientId, ChangeSet changes) {
}
