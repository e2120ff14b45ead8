package dk.ligevaerd.priority;

import dk.ligevaerd.account.PersonalData;
import dk.ligevaerd.priority.domain.Priority;
import dk.ligevaerd.priority.domain.PriorityRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * The priorities a person proposed (alone or, after a merge, with others), for their personal-data
 * download. Erasure leaves them: they belong to the workspace, and name proposers by account id only.
 */
@Component
class PriorityPersonalData implements PersonalData {

    private final PriorityRepository priorities;

    PriorityPersonalData(PriorityRepository priorities) {
        this.priorities = priorities;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String section() {
        return "priorities";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        json.writeStartArray();
        for (Priority p : priorities.findProposedBy(userId)) {
            json.writeStartObject();
            json.writeNumberProperty("workspaceId", p.workspaceId());
            json.writeNumberProperty("id", p.id());
            json.writeStringProperty("title", p.title());
            json.writeStringProperty("description", p.description());
            json.writeStringProperty("state", p.state().name());
            json.writeStringProperty("proposedAt", p.proposedAt().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
