package dk.ligevaerd.statement;

import dk.ligevaerd.account.PersonalData;
import dk.ligevaerd.statement.domain.StatementVersion;
import dk.ligevaerd.statement.domain.StatementVersionRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * The purpose-statement versions a person saved, for their personal-data download. Erasure leaves
 * them in place: they belong to the workspace's history and name their author by account id only,
 * which then shows the pseudonym.
 */
@Component
class StatementPersonalData implements PersonalData {

    private final StatementVersionRepository versions;

    StatementPersonalData(StatementVersionRepository versions) {
        this.versions = versions;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String section() {
        return "statementVersions";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        json.writeStartArray();
        for (StatementVersion v : versions.findByCreatedByOrderByCreatedAtAscIdAsc(userId)) {
            json.writeStartObject();
            json.writeNumberProperty("workspaceId", v.workspaceId());
            json.writeNumberProperty("id", v.id());
            json.writeStringProperty("name", v.name());
            json.writeNumberProperty("statementVersion", v.statementVersion());
            json.writeStringProperty("createdAt", v.createdAt().toString());
            json.writeStringProperty("text", v.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
