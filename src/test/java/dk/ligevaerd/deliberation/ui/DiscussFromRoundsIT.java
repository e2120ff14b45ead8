package dk.ligevaerd.deliberation.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.LiveEvents;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The Rounds tab leads into the discussion as the priorities do: a round's card and a closed
 * round's record each have a link whose address opens the comment form on that very item. Two
 * closed rounds, so that the item chosen is not merely the first of the list.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
@WithUserDetails(KOMMUNE1)
class DiscussFromRoundsIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired RoundService rounds;
    @Autowired CommentService comments;
    @Autowired UserDetailsService users;
    @Autowired dk.ligevaerd.shared.LiveEventBus bus;

    long workspaceId;
    long older;
    long newer;
    long draft;

    @BeforeEach
    void a_workspace_with_two_closed_rounds_and_a_draft() {
        workspaceId = workspaces.create("Drøftelser af runder", "", List.of("Kommune", "Civilsamfund"), 0);
        long civilSide = workspaces.details(workspaceId).sides().get(1).id();
        String token = invitations.create(workspaceId, civilSide, Role.MODERATOR, Duration.ofDays(1)).token();
        RunAs.user(users, CIVIL1, () -> invitations.accept(token));
        older = closed("Besøgstider");
        newer = closed("Frivilliges kørsel");
        draft = rounds.create(workspaceId, RoundDraft.adopt("Næste skridt", null, DecisionRule.CONSENT));
    }

    private long closed(String title) {
        long id = rounds.create(workspaceId, RoundDraft.adopt(title, null, DecisionRule.CONSENT));
        rounds.open(workspaceId, id);
        rounds.castAdopt(workspaceId, id, Vote.YES, null);
        RunAs.user(users, CIVIL1, () -> {
            rounds.castAdopt(workspaceId, id, Vote.YES, null);
            return null;
        });
        rounds.confirmClosing(workspaceId, id);
        RunAs.user(users, CIVIL1, () -> rounds.confirmClosing(workspaceId, id));
        return id;
    }

    @Test
    void every_round_card_and_every_record_links_to_its_own_discussion() {
        navigate("workspace/" + workspaceId + "/rounds", WorkspaceView.class);
        Locale locale = UI.getCurrent().getLocale();

        for (long round : List.of(older, newer, draft)) {
            Anchor link = $(Anchor.class).id("round-discuss-" + round);
            assertThat(link.getHref()).isEqualTo("workspace/" + workspaceId + "/discussion?on=round&item=" + round);
            assertThat(link.getText()).isEqualTo(Messages.get(locale, "round.discuss"));
            assertThat(link.hasClassName("round-discuss")).isTrue();
        }
        // The accessible name begins with the visible words and says which round, since every card has one.
        assertThat($(Anchor.class).id("round-discuss-" + older).getElement().getAttribute("aria-label"))
                .startsWith(Messages.get(locale, "round.discuss")).contains("Besøgstider");

        for (long round : List.of(older, newer)) {
            Anchor link = $(Anchor.class).id("record-discuss-" + round);
            assertThat(link.getHref()).isEqualTo("workspace/" + workspaceId + "/discussion?on=record&item=" + round);
            assertThat(link.getText()).isEqualTo(Messages.get(locale, "record.discuss"));
        }
        assertThat($(Anchor.class).id("record-discuss-" + newer).getElement().getAttribute("aria-label"))
                .startsWith(Messages.get(locale, "record.discuss")).contains("Frivilliges kørsel");
        assertThat($(Anchor.class).withId("record-discuss-" + draft).exists()).as("a draft has no record").isFalse();
    }

    @Test
    void the_round_link_opens_the_form_on_that_round_and_the_comment_lands_there() {
        navigate("workspace/" + workspaceId + "/rounds", WorkspaceView.class);
        follow($(Anchor.class).id("round-discuss-" + older));

        assertThat(about().getValue()).isEqualTo(TargetKind.ROUND);
        assertThat(item().getValue()).isNotNull().extracting(DiscussionTab.Item::id).isEqualTo(older);
        assertThat(item().getValue().title()).isEqualTo("Besøgstider");
        assertThat(notices()).isEmpty();

        test($(TextArea.class).id("comment-body")).setValue("Skal vi følge op på besøgstiderne?");
        test($(Button.class).id("comment-start")).click();

        List<ThreadView> threads = comments.threads(workspaceId);
        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.target()).isEqualTo(TargetKind.ROUND);
            assertThat(t.targetId()).isEqualTo(older);
        });
    }

    @Test
    void the_record_link_opens_the_form_on_that_record() {
        navigate("workspace/" + workspaceId + "/rounds", WorkspaceView.class);
        follow($(Anchor.class).id("record-discuss-" + older));

        assertThat(about().getValue()).isEqualTo(TargetKind.RECORD);
        assertThat(item().getValue()).isNotNull().extracting(DiscussionTab.Item::id).isEqualTo(older);
        assertThat(notices()).isEmpty();
    }

    @Test
    void an_item_the_form_cannot_offer_is_named_as_ignored() {
        UI.getCurrent().navigate("workspace/" + workspaceId + "/discussion",
                QueryParameters.fromString("on=record&item=" + draft));

        assertThat(about().getValue()).isEqualTo(TargetKind.RECORD);
        assertThat(notices()).singleElement().asString().contains("item");
    }

    @Test
    void the_links_say_how_many_comments_stand_about_each_round_and_record_and_follow_new_ones_live() {
        long thread = comments.startOn(workspaceId, TargetKind.ROUND, older, "Skal vi følge op?");
        RunAs.user(users, CIVIL1, () -> comments.reply(workspaceId, thread, "Ja, om en måned."));
        comments.startOn(workspaceId, TargetKind.RECORD, newer, "Protokollen mangler en dato.");
        navigate("workspace/" + workspaceId + "/rounds", WorkspaceView.class);
        Locale locale = UI.getCurrent().getLocale();

        Anchor olderRound = $(Anchor.class).id("round-discuss-" + older);
        assertThat(olderRound.getText()).isEqualTo(Messages.get(locale, "round.discuss") + " (2)");
        assertThat(olderRound.getElement().getAttribute("aria-label")).isEqualTo(Messages.get(locale,
                "round.discussWithCountLabel", Messages.get(locale, "round.discussLabel", "Besøgstider"), 2));
        assertThat($(Anchor.class).id("record-discuss-" + older).getText()).isEqualTo(Messages.get(locale, "record.discuss"));
        assertThat($(Anchor.class).id("record-discuss-" + newer).getText())
                .isEqualTo(Messages.get(locale, "record.discuss") + " (1)");
        assertThat($(Anchor.class).id("round-discuss-" + draft).getText()).isEqualTo(Messages.get(locale, "round.discuss"));

        // A comment from the other side reaches the open page: only the number on the link changes.
        RunAs.user(users, CIVIL1, () -> comments.startOn(workspaceId, TargetKind.ROUND, draft, "Hvornår åbner den?"));
        LiveEvents.takeIn(bus);
        assertThat($(Anchor.class).id("round-discuss-" + draft).getText())
                .isEqualTo(Messages.get(locale, "round.discuss") + " (1)");
        assertThat($(Anchor.class).id("round-discuss-" + draft).getElement().getAttribute("aria-label"))
                .isEqualTo(Messages.get(locale, "round.discussWithCountLabel",
                        Messages.get(locale, "round.discussLabel", "Næste skridt"), 1));
    }


    /** Goes where the link leads, as a click would. */
    private void follow(Anchor link) {
        String[] href = link.getHref().split("\\?", 2);
        UI.getCurrent().navigate(href[0], QueryParameters.fromString(href[1]));
        assertThat(getCurrentView()).isInstanceOf(WorkspaceView.class);
    }

    @SuppressWarnings("unchecked")
    private Select<TargetKind> about() {
        return (Select<TargetKind>) $(Select.class).id("comment-about");
    }

    @SuppressWarnings("unchecked")
    private Select<DiscussionTab.Item> item() {
        return (Select<DiscussionTab.Item>) $(Select.class).id("comment-item");
    }

    private List<String> notices() {
        return $(Notification.class).all().stream().map(n -> n.getElement().getProperty("text", "")
                + n.getElement().getTextRecursively()).toList();
    }
}
