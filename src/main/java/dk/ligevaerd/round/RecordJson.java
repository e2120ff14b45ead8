package dk.ligevaerd.round;

import dk.ligevaerd.round.domain.DecisionRecord;
import tools.jackson.core.JsonGenerator;

/**
 * A decision record's properties as both exports write them: its place in the chain and, last, its
 * canonical content exactly as stored, so that anyone can recompute the hash from the bytes.
 */
final class RecordJson {

    private RecordJson() {
    }

    /** Writes the record's properties into the JSON object the caller has started. */
    static void writeFields(JsonGenerator json, DecisionRecord r) {
        json.writeNumberProperty("seq", r.seq());
        json.writeNumberProperty("roundId", r.roundId());
        json.writeStringProperty("recordedAt", r.recordedAt().toString());
        json.writeStringProperty("prevHash", r.prevHash());
        json.writeStringProperty("hash", r.hash());
        // Last, so that the hashed text is also simply everything between "content": and the closing }.
        json.writeName("content");
        json.writeRawValue(r.content());
    }
}
