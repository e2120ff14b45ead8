package dk.ligevaerd.account;

import dk.ligevaerd.account.domain.OrganisationIdentity;
import dk.ligevaerd.account.domain.OrganisationIdentityRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * The organisation accounts a person signs in with (issuer and subject), for their personal-data
 * download. Erasure removes the links: otherwise the next sign-in through the organisation would
 * find its way back to the erased account.
 */
@Component
class OrganisationIdentityPersonalData implements PersonalData {

    private final OrganisationIdentityRepository identities;

    OrganisationIdentityPersonalData(OrganisationIdentityRepository identities) {
        this.identities = identities;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String section() {
        return "organisationSignIns";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        json.writeStartArray();
        for (OrganisationIdentity identity : identities.findByUserId(userId)) {
            json.writeStartObject();
            json.writeStringProperty("issuer", identity.issuer());
            json.writeStringProperty("subject", identity.subject());
            json.writeStringProperty("linkedAt", identity.createdAt().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void erase(long userId) {
        identities.deleteAll(identities.findByUserId(userId));
    }
}
