package dk.ligevaerd.deliberation.domain;

import dk.ligevaerd.statement.collab.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes back the passages of statement threads carried forward on reading, all in one batch of
 * the reading transaction: a read of hundreds of threads after a burst of edits is one round trip,
 * not one update (and one flush of everything loaded) per thread. Each row is written only if no
 * newer passage was written meanwhile, and the thread's version column stays, since moving a
 * passage is no edit of the thread.
 */
@Component
public class CarriedAnchors {

    private final JdbcTemplate jdbc;

    CarriedAnchors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores each thread's passage (by thread id) as it stands at {@code version}. */
    public void write(Map<Long, Passage> passages, int version) {
        if (passages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(passages.size());
        passages.forEach((id, p) -> rows.add(new Object[] {p.from(), p.to(), p.wording(), p.removed(), version, id,
                version}));
        jdbc.batchUpdate("update comment_thread set anchor_from = ?, anchor_to = ?, anchor_wording = ?, "
                + "anchor_removed = ?, anchor_version = ? where id = ? and anchor_version < ?", rows);
    }
}
