package dk.ligevaerd.statement;

import dk.ligevaerd.statement.collab.Passage;

/** A passage as it was taken from the statement at {@code version}, to be carried to the current text. */
public record PassageAt(int version, Passage passage) {
}
