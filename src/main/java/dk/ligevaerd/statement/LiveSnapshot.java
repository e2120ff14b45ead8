package dk.ligevaerd.statement;

import java.util.List;
import java.util.Map;

/**
 * The statement as the live editor starts from it: the text at a version, who wrote each stretch of
 * it, and whether the viewer may edit.
 *
 * @param shares characters of the current text written by each side, by side id
 */
public record LiveSnapshot(long workspaceId, int version, String text, List<AuthorSpan> authorship,
        Map<Long, Integer> shares, boolean canEdit) {

    /** Characters {@code from}–{@code to} (exclusive) were written by a member of side {@code sideId}. */
    public record AuthorSpan(int from, int to, long userId, long sideId) {
    }
}
