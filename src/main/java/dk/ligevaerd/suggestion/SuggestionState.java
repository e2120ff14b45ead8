package dk.ligevaerd.suggestion;

/**
 * Where a suggested change stands. PENDING waits for the other sides; APPLIED went into the
 * statement; DECLINED was refused by a side; WITHDRAWN was taken back by its author. Only PENDING
 * changes; the other three are final. (Outdated is not a state: it is how a pending suggestion's
 * passage stands in the current text, and rebasing makes it current again.)
 */
public enum SuggestionState {
    PENDING, APPLIED, DECLINED, WITHDRAWN
}
