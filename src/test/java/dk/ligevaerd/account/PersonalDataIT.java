package dk.ligevaerd.account;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A person's download of their own data (docs/personal-data.md). */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/personal-data-${random.uuid}"})
class PersonalDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired StatementService statements;
    @Autowired CollabService collab;

    @Test
    void the_download_holds_the_account_memberships_versions_priorities_own_ballots_and_history_but_not_another_persons_secret_ballot() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        long versionId = as(f.participant, () -> {
            collab.edit(f.workspaceId, "me", 0, 0, "Vi mødes hver uge.");
            return statements.saveVersion(f.workspaceId, "Deltagerens udkast");
        });
        long mine = as(f.participant, () -> priorities.propose(f.workspaceId, "Mit forslag", "Ugentligt",
                Set.of(ValueLens.PARTICIPATION)));
        long theirs = as(f.owner, () -> priorities.propose(f.workspaceId, "Ejerens forslag", "",
                Set.of(ValueLens.EFFICIENCY)));
        long secret = as(f.owner, () -> {
            long id = rounds.create(f.workspaceId, RoundDraft.dots("Hemmelig runde", List.of(mine, theirs), 10, 7, 1)
                    .withSecret(true));
            rounds.open(f.workspaceId, id);
            return id;
        });
        as(f.participant, () -> {
            rounds.castDots(f.workspaceId, secret, Map.of(mine, 7, theirs, 3));
            return null;
        });
        as(f.otherModerator, () -> {
            rounds.castDots(f.workspaceId, secret, Map.of(mine, 1, theirs, 6));
            return null;
        });

        JsonNode data = download(f.participant);

        assertThat(data.path("format").asString()).isEqualTo("ligevaerd-personal-data");
        assertThat(data.path("formatVersion").asInt()).isEqualTo(1);
        JsonNode account = data.path("account");
        assertThat(account.path("id").asLong()).isEqualTo(f.participant.id());
        assertThat(account.path("username").asString()).isEqualTo(f.participant.username());
        assertThat(account.path("displayName").asString()).isEqualTo(f.participant.displayName());
        assertThat(account.path("email").isNull()).isTrue();
        assertThat(account.path("createdAt").asString()).isNotBlank();

        JsonNode memberships = data.path("memberships");
        assertThat(memberships.size()).isEqualTo(1);
        assertThat(memberships.get(0).path("workspaceId").asLong()).isEqualTo(f.workspaceId);
        assertThat(memberships.get(0).path("side").asString()).isEqualTo("Kommune");
        assertThat(memberships.get(0).path("role").asString()).isEqualTo("PARTICIPANT");
        assertThat(memberships.get(0).path("owner").asBoolean()).isFalse();

        assertThat(data.path("statementVersions").size()).isEqualTo(1);
        assertThat(data.path("statementVersions").get(0).path("id").asLong()).isEqualTo(versionId);
        assertThat(data.path("statementVersions").get(0).path("text").asString()).isEqualTo("Vi mødes hver uge.");

        assertThat(data.path("priorities").size()).isEqualTo(1);
        assertThat(data.path("priorities").get(0).path("title").asString()).isEqualTo("Mit forslag");

        // Their own secret ballot, while the round is open; not the other side's moderator's.
        JsonNode ballots = data.path("ballots");
        assertThat(ballots.size()).isEqualTo(1);
        assertThat(ballots.get(0).path("roundId").asLong()).isEqualTo(secret);
        assertThat(ballots.get(0).path("secret").asBoolean()).isTrue();
        assertThat(ballots.get(0).path("sideId").asLong()).isEqualTo(f.municipalSideId);
        assertThat(points(ballots.get(0))).isEqualTo(Map.of(mine, 7, theirs, 3));

        List<String> kinds = new ArrayList<>();
        data.path("history").values().forEach(e -> kinds.add(e.path("kind").asString() + "/" + e.path("as").asString()));
        assertThat(kinds).contains("priority.proposed/actor", "statement.versionSaved/actor")
                .anyMatch(k -> k.startsWith("member.joined/"));
        assertThat(kinds).noneMatch(k -> k.startsWith("round.opened"));

        // The other moderator's download has their own ballot only.
        JsonNode other = download(f.otherModerator);
        assertThat(other.path("ballots").size()).isEqualTo(1);
        assertThat(points(other.path("ballots").get(0))).isEqualTo(Map.of(mine, 1, theirs, 6));
        assertThat(other.toString()).doesNotContain(f.participant.displayName());
    }

    @Test
    void nobody_logged_in_gets_nothing() {
        SecurityContextHolder.clearContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> accounts.writePersonalData(out)).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.loginRequired");
        assertThat(out.size()).isZero();
    }

    /** A dot ballot's points by priority, as the download writes them: [[priority, points], …]. */
    private static Map<Long, Integer> points(JsonNode ballot) {
        Map<Long, Integer> points = new java.util.HashMap<>();
        ballot.path("ballot").path("points").values().forEach(pair -> points.put(pair.get(0).asLong(), pair.get(1).asInt()));
        return points;
    }

    private JsonNode download(UserSummary user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(user, () -> {
            accounts.writePersonalData(out);
            return null;
        });
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
