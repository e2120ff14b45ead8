package dk.ligevaerd.insight;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.insight.RoundEquality.RoundScope;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The equality view narrowed to one decision round, on a workspace with three sides, every
 * expected share worked out by hand in the comments.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/round-equality-${random.uuid}"})
class RoundEqualityReportIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired dk.ligevaerd.workspace.GovernanceService governance;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired InsightService insight;
    @Autowired CollabService collab;

    WorkspaceFixture f;
    long borgere;
    UserSummary civilParticipant;
    UserSummary borgerModerator;
    long a;
    long b;
    long c;

    @BeforeEach
    void threeSides() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        borgere = f.addSide(governance, workspaces, "Borgere", "#8A4B08");
        civilParticipant = join("civ", f.civilSideId, Role.PARTICIPANT);
        borgerModerator = join("bor", borgere, Role.MODERATOR);
        // a from Kommune (public value), b and c from Civilsamfund (civil value); d is not voted on.
        a = as(f.participant, () -> priorities.propose(f.workspaceId, "Faste besøg", "", Set.of(ValueLens.SERVICE_QUALITY)));
        b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "De ældre former det", "",
                Set.of(ValueLens.PARTICIPATION)));
        c = as(civilParticipant, () -> priorities.propose(f.workspaceId, "Fællesskaber", "",
                Set.of(ValueLens.SHARED_VALUES)));
        as(f.owner, () -> priorities.propose(f.workspaceId, "Billigere drift", "", Set.of(ValueLens.EFFICIENCY)));
    }

    private UserSummary join(String prefix, long sideId, Role role) {
        UserSummary user = accounts.register(prefix + "-" + System.nanoTime(), prefix + " person", "bla-hest-tromme-7");
        String token = as(f.moderatorOf(sideId), () -> invitations.create(f.workspaceId, sideId, role, Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
        return user;
    }

    private long openRound(String title, List<Long> options) {
        long id = as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots(title, options, 10, 10, 1).withSecret(false)));
        run(f.owner, () -> rounds.open(f.workspaceId, id));
        return id;
    }

    private void vote(UserSummary who, long roundId, long option) {
        run(who, () -> rounds.castDots(f.workspaceId, roundId, Map.of(option, 10)));
    }

    private void closeJointly(long roundId) {
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, roundId));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, roundId));
        assertThat(as(borgerModerator, () -> rounds.confirmClosing(f.workspaceId, roundId))).isTrue();
    }

    /** Kommune votes a twice, Civilsamfund's moderator and Borgere's vote b; b alone is adopted. */
    private long firstRound() {
        long id = openRound("Hvad først?", List.of(a, b, c));
        vote(f.owner, id, a);
        vote(f.participant, id, a);
        vote(f.otherModerator, id, b);
        vote(borgerModerator, id, b);
        closeJointly(id);
        return id;
    }

    private EqualityReport report(long roundId) {
        return as(f.observer, () -> insight.roundReport(f.workspaceId, roundId)).orElseThrow();
    }

    private static Measure measure(EqualityReport report, String key) {
        return report.measures().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void a_round_counts_its_options_ballots_and_moderation_per_side() {
        long id = firstRound();
        RecordView record = as(f.observer, () -> rounds.record(f.workspaceId, id)).orElseThrow();
        assertThat(record.prioritize().adopted()).containsExactly(b);

        EqualityReport report = report(id);
        assertThat(report.sides()).containsExactly(f.municipalSideId, f.civilSideId, borgere);
        // On the ballot: a from Kommune, b and c from Civilsamfund, none from Borgere.
        assertThat(measure(report, "roundOptions").counts().values()).containsExactly(1L, 2L, 0L);
        // Adopted: b alone, proposed by Civilsamfund: 1 of 1, more than twice the equal third.
        Measure adopted = measure(report, "roundAdopted");
        assertThat(adopted.counts().values()).containsExactly(0L, 1L, 0L);
        assertThat(adopted.dominantSide()).contains(f.civilSideId);
        // Ballots: Kommune 2, Civilsamfund 1, Borgere 1.
        assertThat(measure(report, "ballots").counts().values()).containsExactly(2L, 1L, 1L);
        // Moderation: Kommune created, opened and confirmed (3); Civilsamfund confirmed (1); Borgere
        // confirmed, which closed the round (2). 3 of 6 is not more than twice a third (3·3 = 9 ≤ 12).
        Measure moderation = measure(report, "moderation");
        assertThat(moderation.counts().values()).containsExactly(3L, 1L, 2L);
        assertThat(moderation.dominantSide()).isEmpty();
        // Turnout: Kommune 2 of 2, Civilsamfund 1 of 2, Borgere 1 of 1.
        assertThat(report.turnout()).containsEntry(f.municipalSideId, 1.0).containsEntry(f.civilSideId, 0.5)
                .containsEntry(borgere, 1.0);
        // Lenses on the ballot: service quality (public) against participation and shared values.
        assertThat(report.proposedLenses().publicValue()).isEqualTo(1);
        assertThat(report.proposedLenses().civilValue()).isEqualTo(2);
        assertThat(report.adoptedLenses().civilValue()).isEqualTo(1);
        assertThat(report.adoptedLenses().publicValue()).isZero();
        assertThat(report.weekly()).isEmpty();
        assertThat(report.warnings()).extracting(Measure::key).containsExactly("roundAdopted");
    }

    @Test
    void a_silent_side_shows_as_zero_and_its_round_decided_nothing() {
        firstRound();
        long second = openRound("Og så?", List.of(a, c));
        vote(f.participant, second, a);
        vote(civilParticipant, second, c);
        closeJointly(second);

        EqualityReport report = report(second);
        assertThat(measure(report, "ballots").counts().values()).containsExactly(1L, 1L, 0L);
        assertThat(measure(report, "roundAdopted").counts().values()).containsExactly(0L, 0L, 0L);
        assertThat(measure(report, "roundAdopted").dominantSide()).isEmpty();
        assertThat(report.turnout()).containsEntry(f.municipalSideId, 0.5).containsEntry(f.civilSideId, 0.5)
                .containsEntry(borgere, 0.0);
        // The newest round is offered first.
        assertThat(as(f.observer, () -> insight.rounds(f.workspaceId))).extracting(RoundScope::recordSeq)
                .containsExactly(2L, 1L);
    }

    @Test
    void turnout_keeps_the_members_who_could_vote_when_the_round_closed() {
        long id = firstRound();
        // Civilsamfund's participant, who did not vote, leaves afterwards: the round's turnout stays 1 of 2.
        run(f.otherModerator, () -> workspaces.remove(f.workspaceId, civilParticipant.id()));
        assertThat(report(id).turnout()).containsEntry(f.civilSideId, 0.5);
        EqualityReport whole = as(f.observer, () -> insight.report(f.workspaceId, null, null, Formats.ZONE));
        assertThat(whole.turnout()).containsEntry(f.civilSideId, 0.5).containsEntry(f.municipalSideId, 1.0);
    }

    @Test
    void a_vote_on_the_text_shows_who_wrote_the_text_put_to_the_vote() {
        // Kommune writes 10 characters, Civilsamfund 5 in front of them; Borgere writes nothing.
        as(f.participant, () -> collab.edit(f.workspaceId, "k", 0, 0, "Besøg alle"));
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "c", 0, 0, "Fælle"));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.adopt("Formålet", null,
                DecisionRule.SIDE_PARITY).withSecret(false)));
        run(f.owner, () -> rounds.open(f.workspaceId, id));
        // Typing after the vote opened does not count: the vote is on the version taken then.
        as(f.participant, () -> collab.edit(f.workspaceId, "k", 15, 15, " ældre"));
        run(f.owner, () -> rounds.castAdopt(f.workspaceId, id, Vote.YES, null));
        run(f.otherModerator, () -> rounds.castAdopt(f.workspaceId, id, Vote.YES, null));
        run(borgerModerator, () -> rounds.castAdopt(f.workspaceId, id, Vote.NO, null));
        closeJointly(id);

        EqualityReport report = report(id);
        Measure authorship = measure(report, "roundAuthorship");
        assertThat(authorship.counts().values()).containsExactly(10L, 5L, 0L);
        assertThat(authorship.share(f.municipalSideId)).isEqualTo(10 / 15.0);
        assertThat(report.measures()).extracting(Measure::key).doesNotContain("roundOptions", "roundAdopted");
        assertThat(report.proposedLenses().total()).isZero();
    }

    @Test
    void only_closed_rounds_of_the_workspace_have_a_round_view() {
        long open = openRound("Stadig åben", List.of(a, b));
        assertThat(as(f.observer, () -> insight.roundReport(f.workspaceId, open))).isEmpty();
        assertThat(as(f.observer, () -> insight.rounds(f.workspaceId))).isEmpty();
        long closed = firstRound();
        assertThat(as(f.otherWorkspaceOwner, () -> insight.roundReport(f.otherWorkspaceId, closed))).isEmpty();
        assertThat(keyOf(() -> as(f.outsider, () -> insight.roundReport(f.workspaceId, closed))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.outsider, () -> insight.rounds(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }
}
