package dk.ligevaerd.statement.collab;

/**
 * Who wrote something: the user, and the side they wrote it for. The side is kept with each change
 * rather than looked up later, so that the equality view still counts a text for the side its
 * author belonged to when it was written, even if they later move to another side.
 */
public record Author(long userId, long sideId) {
}
