package dk.ligevaerd.account;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.ChainVerification;
import dk.ligevaerd.round.OlderRecordFormats;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasing an account (docs/personal-data.md): the name goes everywhere and a stable pseudonym takes
 * its place, login ends, what the workspace decided stays, and the record chain still verifies,
 * both for a record of format 3 (names inside the hash) and one of format 4 (ids only).
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/erasure-${random.uuid}"})
class ErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired HistoryService history;
    @Autowired HistoryExportService historyExports;
    @Autowired JdbcTemplate jdbc;

    @Test
    void an_erased_person_is_shown_by_a_stable_pseudonym_cannot_log_in_and_the_chain_still_verifies() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        UserSummary person = f.participant;
        String name = person.displayName();
        // A record written before erasure in format 3, with the names inside its hash ...
        long older = closedRoundWithBallotOf(f, person, "Skrevet i format 3");
        String today = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                older);
        Map<Long, String> names = Map.of(f.owner.id(), f.owner.displayName(), f.otherModerator.id(),
                f.otherModerator.displayName(), person.id(), name);
        String formatThree = OlderRecordFormats.asFormatThree(today, names);
        assertThat(formatThree).contains("\"format\":\"ligevaerd.decision-record/3\"", "\"name\":\"" + name + "\"");
        OlderRecordFormats.store(jdbc, f.workspaceId, older, formatThree);
        // ... and one in today's format 4, which names people by id only.
        long newer = closedRoundWithBallotOf(f, person, "Skrevet i format 4");
        String formatFour = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                newer);
        assertThat(formatFour).contains("\"format\":\"ligevaerd.decision-record/4\"").doesNotContain(name);
        assertThat(chain(f).problems()).isEmpty();
        assertThat(record(f, newer).ballots()).anyMatch(b -> b.voter().name().equals(name));

        int number = as(person, () -> accounts.erase("  " + person.username().toUpperCase() + " "));
        String pseudonym = Messages.get(Messages.DANISH, "account.formerMember", String.valueOf(number));
        assertThat(pseudonym).isEqualTo("Tidligere medlem " + number);
        assertThat(Messages.get(Messages.ENGLISH, "account.formerMember", String.valueOf(number)))
                .isEqualTo("Former member " + number);

        // Login is refused, by the old name and the new one alike; the e-mail, name and password are gone.
        assertThatThrownBy(() -> accounts.loadUserByUsername(person.username()))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> accounts.loadUserByUsername("erased-" + number))
                .isInstanceOf(UsernameNotFoundException.class);
        Map<String, Object> row = jdbc.queryForMap("select username, display_name, password_hash, email, erased_at, "
                + "former_member_no from app_user where id = ?", person.id());
        assertThat(row.get("USERNAME")).isEqualTo("erased-" + number);
        assertThat(row.get("DISPLAY_NAME")).isEqualTo("");
        assertThat(row.get("PASSWORD_HASH")).isEqualTo("");
        assertThat(row.get("EMAIL")).isNull();
        assertThat(row.get("ERASED_AT")).isNotNull();
        assertThat(row.get("FORMER_MEMBER_NO")).isEqualTo(number);
        assertThat(jdbc.queryForObject("select count(*) from ballot where voter_name = ?", Integer.class, name))
                .isZero();

        // The chain verifies: neither record's bytes changed.
        ChainVerification chain = chain(f);
        assertThat(chain.problems()).isEmpty();
        assertThat(chain.records()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select content from decision_record where round_id = ?", String.class, older))
                .isEqualTo(formatThree);
        assertThat(jdbc.queryForObject("select content from decision_record where round_id = ?", String.class, newer))
                .isEqualTo(formatFour);

        // Both records show the pseudonym where the ballot's voter was named; the ballots still count.
        for (long roundId : List.of(older, newer)) {
            RecordView shown = record(f, roundId);
            assertThat(shown.ballots()).hasSize(2).anyMatch(b -> b.voter().id() == person.id()
                    && b.voter().name().equals(pseudonym)).noneMatch(b -> b.voter().name().equals(name));
            assertThat(shown.totalBallots()).isEqualTo(2);
            assertThat(shown.openedBy().name()).isEqualTo(f.owner.displayName());
        }

        // People: still in the workspace, as an observer without a side, under the pseudonym.
        MemberView member = as(f.owner, () -> workspaces.details(f.workspaceId)).members().stream()
                .filter(m -> m.userId() == person.id()).findFirst().orElseThrow();
        assertThat(member.displayName()).isEqualTo(pseudonym);
        assertThat(member.role()).isEqualTo(Role.OBSERVER);
        assertThat(member.sideId()).isNull();

        // History: every line the person acted in or was the subject of shows the pseudonym.
        List<HistoryItem> timeline = as(f.owner, () -> history.timeline(f.workspaceId));
        assertThat(timeline).anyMatch(i -> i.actorId() == person.id() && i.actorName().equals(pseudonym));
        assertThat(timeline).noneMatch(i -> name.equals(i.actorName()) || name.equals(i.subjectName()));
        JsonNode export = historyExport(f);
        assertThat(export.path("members").toString()).contains(pseudonym).doesNotContain(name);
        assertThat(export.path("timeline").toString()).contains(pseudonym).doesNotContain(name);

        // The number is the person's for good: another erasure gets the next one.
        UserSummary outsider = f.outsider;
        int next = as(outsider, () -> accounts.erase("bla-hest-tromme-7"));
        assertThat(next).isEqualTo(number + 1);
        assertThat(accounts.summaries(List.of(person.id())).get(person.id()).displayName()).isEqualTo(pseudonym);

        // The workspace decides on after the erasure, and the chain still holds.
        closedRoundWithBallotOf(f, join(f, f.municipalSideId, Role.PARTICIPANT), "Efter sletningen");
        assertThat(chain(f).problems()).isEmpty();
        assertThat(chain(f).records()).isEqualTo(3);
    }

    @Test
    void erasure_is_refused_while_it_would_leave_a_side_without_a_moderator_or_a_workspace_without_its_owner() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);

        assertRefused(f.otherModerator, f.otherModerator.username(), "error.erase.lastModerator");
        assertRefused(f.owner, f.owner.username(), "error.erase.owner");
        assertRefused(f.participant, "not-my-name", "error.erase.confirmation");
        assertRefused(f.participant, "", "error.erase.confirmation");

        // Someone whose ballot waits in a round still open stays until it ends.
        long p = as(f.owner, () -> priorities.propose(f.workspaceId, "Åben runde", "", Set.of(ValueLens.ADVOCACY)));
        long q = as(f.owner, () -> priorities.propose(f.workspaceId, "Anden", "", Set.of(ValueLens.ADVOCACY)));
        long open = as(f.owner, () -> {
            long id = rounds.create(f.workspaceId, RoundDraft.dots("Under afstemning", List.of(p, q), 10, 5, 1));
            rounds.open(f.workspaceId, id);
            return id;
        });
        as(f.participant, () -> {
            rounds.castDots(f.workspaceId, open, Map.of(p, 5));
            return null;
        });
        assertRefused(f.participant, f.participant.username(), "error.round.openTookPart");

        // A second moderator on the side lets the first one go.
        join(f, f.civilSideId, Role.MODERATOR);
        as(f.otherModerator, () -> accounts.erase(f.otherModerator.username()));
        assertThatThrownBy(() -> accounts.loadUserByUsername(f.otherModerator.username()))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    /** A new member, invited by the side's moderator. */
    private UserSummary join(WorkspaceFixture f, long sideId, Role role) {
        UserSummary user = accounts.register("new" + System.nanoTime() % 100000, "Ny " + sideId, "bla-hest-tromme-7");
        String token = as(f.moderatorOf(sideId),
                () -> invitations.create(f.workspaceId, sideId, role, java.time.Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
        return user;
    }

    private void assertRefused(UserSummary who, String confirmation, String key) {
        String before = as(who, () -> workspaces.details(workspaces.mine().getFirst().id())).toString();
        assertThatThrownBy(() -> as(who, () -> accounts.erase(confirmation)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
        // Nothing changed: the person can still log in and keeps their place.
        assertThat(accounts.loadUserByUsername(who.username()).getUsername()).isEqualTo(who.username());
        assertThat(as(who, () -> workspaces.details(workspaces.mine().getFirst().id())).toString()).isEqualTo(before);
        assertThat(accounts.summaries(List.of(who.id())).get(who.id()).erased()).isFalse();
    }

    /** A named dot-voting round in which {@code voter} and the civil side's moderator voted, closed by both sides. */
    private long closedRoundWithBallotOf(WorkspaceFixture f, UserSummary voter, String title) {
        long p = as(f.owner, () -> priorities.propose(f.workspaceId, title + " A", "", Set.of(ValueLens.EFFICIENCY)));
        long q = as(f.owner, () -> priorities.propose(f.workspaceId, title + " B", "", Set.of(ValueLens.ADVOCACY)));
        long id = as(f.owner, () -> {
            long round = rounds.create(f.workspaceId, RoundDraft.dots(title, List.of(p, q), 10, 5, 1).withSecret(false));
            rounds.open(f.workspaceId, round);
            return round;
        });
        as(voter, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(p, 5, q, 2));
            return null;
        });
        as(f.otherModerator, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(p, 1, q, 5));
            return null;
        });
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, id));
        assertThat(as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, id))).isTrue();
        return id;
    }

    private ChainVerification chain(WorkspaceFixture f) {
        return as(f.observer, () -> rounds.verifyChain(f.workspaceId));
    }

    private RecordView record(WorkspaceFixture f, long roundId) {
        return as(f.observer, () -> rounds.record(f.workspaceId, roundId)).orElseThrow();
    }

    private JsonNode historyExport(WorkspaceFixture f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(f.observer, () -> {
            historyExports.writeJson(f.workspaceId, out);
            return null;
        });
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
