package dk.ligevaerd.history;

import dk.ligevaerd.history.domain.HistoryEntry;
import dk.ligevaerd.history.domain.HistoryEntryRepository;
import dk.ligevaerd.shared.RecordedEvent;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every recorded event of every feature into the timeline. A plain (synchronous) listener
 * on purpose: the entry is written in the transaction that made the change, so there is never a
 * change without its record, nor a record of a change that was rolled back.
 */
@Component
class HistoryRecorder {

    private final HistoryEntryRepository entries;
    private final Clock clock;

    HistoryRecorder(HistoryEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    void on(RecordedEvent event) {
        entries.save(new HistoryEntry(event.workspaceId(), clock.instant(), event.historyKind(), event.actorId(),
                event.actorSideId(), event.subjectUserId(), event.historyDetail()));
    }
}
