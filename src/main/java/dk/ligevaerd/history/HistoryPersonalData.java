package dk.ligevaerd.history;

import dk.ligevaerd.account.PersonalData;
import dk.ligevaerd.history.domain.HistoryEntry;
import dk.ligevaerd.history.domain.HistoryEntryRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * The timeline entries that name a person, as actor or as subject, for their personal-data download.
 * Erasure keeps them: they are the workspace's history, and name people by account id only, so
 * they then show the pseudonym.
 */
@Component
class HistoryPersonalData implements PersonalData {

    private final HistoryEntryRepository entries;

    HistoryPersonalData(HistoryEntryRepository entries) {
        this.entries = entries;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String section() {
        return "history";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        json.writeStartArray();
        for (HistoryEntry e : entries.findAbout(userId)) {
            json.writeStartObject();
            json.writeNumberProperty("workspaceId", e.workspaceId());
            json.writeNumberProperty("id", e.id());
            json.writeStringProperty("occurredAt", e.occurredAt().toString());
            json.writeStringProperty("kind", e.kind());
            json.writeStringProperty("as", e.actorId() == userId ? "actor" : "subject");
            json.writeName("facts");
            json.writeStartObject();
            for (String line : e.detail().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    json.writeStringProperty(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
