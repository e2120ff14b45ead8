package dk.ligevaerd.statement.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL3;
import static dk.ligevaerd.testing.DemoUsers.CIVIL_SOCIETY;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.MUNICIPALITY;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.ReplayStep;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The replay on the statement tab, as a member uses it: slider, steps, play, caption and coloured text. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class StatementTabReplayIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired StatementService statements;
    @Autowired InvitationService invitations;
    @Autowired dk.ligevaerd.workspace.GovernanceService governance;
    @Autowired CollabService collab;
    @Autowired AccountService accounts;

    long workspaceId;
    WorkspaceDetails details;
    List<ReplayStep> steps;
    Locale locale;

    private void openStatementTab(long id) {
        workspaceId = id;
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(id)));
        $(TabSheet.class).single().setSelectedTab($(Tab.class).id("tab-statement"));
        details = workspaces.details(id);
        steps = statements.replay(id);
        locale = UI.getCurrent().getLocale();
    }

    private void openDemoStatement() {
        openStatementTab(workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow());
    }

    private String t(String key, Object... arguments) {
        return Messages.get(locale, key, arguments);
    }

    private RangeInput slider() {
        return $(RangeInput.class).id("replay-slider");
    }

    private Button button(String id) {
        return $(Button.class).id(id);
    }

    private String caption() {
        return $(Div.class).id("replay-caption").getElement().getTextRecursively();
    }

    private String summary() {
        return $(Div.class).id("replay-summary").getElement().getTextRecursively();
    }

    private Element textBox() {
        return $(Div.class).id("replay-text").getElement();
    }

    /** What a sighted reader sees as the text: without what the change removed and without screen-reader labels. */
    private static String visibleText(Element element) {
        if (element.isTextNode()) {
            return element.getText();
        }
        if (element.getTag().equals("del") || element.getClassList().contains("visually-hidden")) {
            return "";
        }
        return element.getChildren().map(StatementTabReplayIT::visibleText).collect(Collectors.joining());
    }

    private List<Element> children(String tag) {
        return textBox().getChildren().filter(e -> e.getTag().equals(tag)).toList();
    }

    private String expectedCaption(int step) {
        ReplayStep change = steps.get(step - 1);
        String name = details.members().stream().filter(m -> m.userId() == change.authorId()).findFirst()
                .orElseThrow().displayName();
        String side = details.side(change.sideId()).map(SideView::name).orElseThrow();
        return t("statement.replay.value", step, steps.size()) + " · " + name + " · " + side + " · "
                + Formats.dateTime(change.acceptedAt(), locale);
    }

    private void runPendingUiWork() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void the_replay_opens_at_the_latest_change_and_steps_back_and_forth_through_the_history() {
        openDemoStatement();
        int total = steps.size();
        assertThat(total).isGreaterThanOrEqualTo(6);

        assertThat(slider().getMax()).isEqualTo(total);
        assertThat(slider().getValue()).isEqualTo((double) total);
        assertThat(slider().getAriaLabel()).contains(t("statement.replay.slider"));
        assertThat(caption()).isEqualTo(expectedCaption(total));
        assertThat($(Div.class).id("replay-caption").getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(button("replay-next").isEnabled()).isFalse();
        assertThat(button("replay-last").isEnabled()).isFalse();

        test(button("replay-first")).click();
        assertThat(caption()).isEqualTo(t("statement.replay.start", total));
        assertThat(visibleText(textBox())).isEqualTo(t("statement.replay.emptyText"));
        assertThat(button("replay-first").isEnabled()).isFalse();
        assertThat(button("replay-previous").isEnabled()).isFalse();

        test(button("replay-next")).click();
        assertThat(slider().getValue()).isEqualTo(1.0);
        assertThat(caption()).isEqualTo(expectedCaption(1)).contains("Mette Lund", MUNICIPALITY);
        assertThat(visibleText(textBox())).startsWith("Formål\n\nBesøgsvenner i Vestbyen").endsWith("hver uge.");
        assertThat(children("mark")).hasSize(1);
        assertThat(visibleText(children("mark").getFirst())).isEqualTo(visibleText(textBox()));

        test(button("replay-next")).click();
        assertThat(caption()).isEqualTo(expectedCaption(2)).contains("Ali Hassan", CIVIL_SOCIETY);
        assertThat(visibleText(textBox())).endsWith("hver uge – og at de ældre selv er med til at bestemme, hvad et godt besøg er.");
        assertThat(children("del")).singleElement().satisfies(del -> assertThat(del.getTextRecursively())
                .contains("hver uge.").startsWith(t("statement.replay.removedStart")));
        assertThat(visibleText(children("mark").getFirst()))
                .isEqualTo("hver uge – og at de ældre selv er med til at bestemme, hvad et godt besøg er.");
        assertThat(summary()).contains(t("statement.replay.savedAs", "Første udkast"));

        test(button("replay-previous")).click();
        assertThat(caption()).isEqualTo(expectedCaption(1));
        test(button("replay-last")).click();
        assertThat(caption()).isEqualTo(expectedCaption(total));
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void moving_the_slider_shows_the_text_after_that_many_changes_coloured_by_the_side_that_wrote_it() {
        openDemoStatement();
        Map<Long, String> colours = details.sides().stream().collect(Collectors.toMap(SideView::id, SideView::colour));

        slider().setValue(4.0);

        assertThat(caption()).isEqualTo(expectedCaption(4));
        assertThat(slider().getElement().getAttribute("aria-valuetext"))
                .isEqualTo(t("statement.replay.value", 4, steps.size()));
        String shown = visibleText(textBox());
        assertThat(shown).isEqualTo(statements.frame(workspaceId, 4).text())
                .endsWith("så de frivillige kan bruge deres tid på besøgene.").doesNotContain("Vi måler succes");
        List<Element> runs = textBox().getChildren().filter(e -> e.getClassList().contains("replay-run")).toList();
        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.getStyle().get("--side-colour"))
                .isEqualTo(colours.get(Long.valueOf(run.getAttribute("data-side")))));
        assertThat(runs.stream().map(run -> run.getAttribute("data-side")).distinct()).hasSize(2);
        assertThat(children("mark")).singleElement().satisfies(mark -> assertThat(visibleText(mark))
                .isEqualTo("\n\nKommunen samler henvisningerne ét sted, så de frivillige kan bruge deres tid på besøgene."));
        assertThat($(UnorderedList.class).id("replay-legend").getElement()
                .getTextRecursively()).contains(MUNICIPALITY, CIVIL_SOCIETY);
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void play_starts_over_from_the_beginning_steps_forward_on_the_server_and_stops_when_paused() throws Exception {
        openDemoStatement();

        test(button("replay-play")).click();
        assertThat(caption()).isEqualTo(t("statement.replay.start", steps.size()));
        assertThat(button("replay-play").getText()).isEqualTo(t("statement.replay.pause"));
        assertThat($(Div.class).id("replay-caption").getElement().getAttribute("aria-live")).isEqualTo("off");

        // The first tick comes from the server's timer; wait for it however busy the machine is.
        await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> {
            runPendingUiWork();
            return !caption().equals(t("statement.replay.start", steps.size()));
        });
        assertThat(caption()).isEqualTo(expectedCaption(1));

        test(button("replay-play")).click();
        assertThat(button("replay-play").getText()).isEqualTo(t("statement.replay.play"));
        // Paused: through more than one tick's time, no further step may come.
        await().pollInSameThread().during(Duration.ofMillis(ReplayPanel.MAX_TICK_MS + 400))
                .atMost(Duration.ofSeconds(15)).until(() -> {
                    runPendingUiWork();
                    return caption().equals(expectedCaption(1));
                });
        assertThat(caption()).isEqualTo(expectedCaption(1));
        assertThat($(Div.class).id("replay-caption").getElement().getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_statement_without_changes_shows_a_friendly_empty_state() {
        openStatementTab(workspaces.create("Endnu ikke skrevet", "", List.of("Kommune", "Civilsamfund"), 0));

        assertThat($(Paragraph.class).id("replay-empty").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("replay-empty").getText()).isEqualTo(t("statement.replay.empty"));
        // Queries find only what is shown: no slider, buttons or caption without a history.
        assertThat($(RangeInput.class).withId("replay-slider").exists()).isFalse();
        assertThat($(Button.class).withId("replay-play").exists()).isFalse();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void text_by_a_member_who_left_for_a_side_that_was_removed_still_shows_in_a_neutral_colour() {
        long ws = workspaces.create("Med en side, der forsvandt", "", List.of("Kommune", "Civilsamfund", "Borgere"), 0);
        long citizens = workspaces.details(ws).sides().get(2).id();
        String token = invitations.create(ws, citizens, Role.PARTICIPANT, Duration.ofDays(1)).token();
        RunAs.user(accounts, CIVIL3, () -> invitations.accept(token));
        long civil3 = accounts.findByUsername(CIVIL3).orElseThrow().id();
        RunAs.user(accounts, CIVIL3, () -> collab.edit(ws, "citizen", 0, 0, "Borgernes ord. "));
        workspaces.remove(ws, civil3);
        // Only the owner's side has a moderator, so the owner's proposal takes effect at once.
        governance.proposeRemoveSide(ws, citizens);
        collab.edit(ws, "owner", 15, 15, "Kommunens ord.");

        openStatementTab(ws);
        test(button("replay-first")).click();
        test(button("replay-next")).click();

        assertThat(caption()).isEqualTo(t("statement.replay.value", 1, 2) + " · " + t("history.formerMember")
                + " · " + t("statement.replay.formerSide") + " · " + Formats.dateTime(steps.getFirst().acceptedAt(), locale));
        assertThat(visibleText(textBox())).isEqualTo("Borgernes ord. ");
        Element run = children("mark").getFirst();
        assertThat(run.getClassList()).contains("replay-run", "replay-former");
        assertThat(run.getStyle().get("--side-colour")).isNull();
        assertThat($(UnorderedList.class).id("replay-legend").getElement().getTextRecursively())
                .contains(t("statement.replay.formerSides"));

        test(button("replay-next")).click();
        assertThat(visibleText(textBox())).isEqualTo("Borgernes ord. Kommunens ord.");
        assertThat(textBox().getChildren().map(e -> e.getClassList().contains("replay-former")).toList())
                .containsExactly(true, false);
    }

    /** Types the text into the statement one character (one accepted change) at a time, as an editor does. */
    private void typeLetterByLetter(long ws, String typed) {
        int at = collab.snapshot(ws).text().length();
        for (char c : typed.toCharArray()) {
            collab.edit(ws, "owner", at, at, String.valueOf(c));
            at++;
        }
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ReplayPanel.Unit> unit() {
        return $(RadioButtonGroup.class).id("replay-unit");
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void word_by_word_steps_over_whole_words_and_the_label_always_names_the_thumbs_place() {
        long ws = workspaces.create("Skrevet tegn for tegn", "", List.of("Kommune", "Civilsamfund"), 0);
        typeLetterByLetter(ws, "Hej alle sammen");
        openStatementTab(ws);
        assertThat(slider().getMax()).isEqualTo(15.0);
        assertThat(slider().getValue()).isEqualTo(15.0);
        assertThat(caption()).startsWith(t("statement.replay.value", 15, 15) + " · ");
        assertThat(unit().getValue()).isEqualTo(ReplayPanel.Unit.CHANGE);

        unit().setValue(ReplayPanel.Unit.WORD);

        // "Hej " (changes 1–4), "alle " (5–9), "sammen" (10–15): three steps, the latest shown.
        assertThat(slider().getMax()).isEqualTo(3.0);
        assertThat(slider().getValue()).isEqualTo(3.0);
        String third = t("statement.replay.wordValueRange", 3, 3, 10, 15, 15);
        assertThat(caption()).startsWith(third + " · ");
        assertThat(slider().getElement().getAttribute("aria-valuetext")).isEqualTo(third);
        assertThat(visibleText(children("mark").getFirst())).isEqualTo("sammen");
        assertThat(summary()).contains(t("statement.replay.added", 6));
        assertThat(button("replay-next").isEnabled()).isFalse();

        test(button("replay-first")).click();
        assertThat(caption()).isEqualTo(t("statement.replay.wordStart", 3));
        test(button("replay-next")).click();
        assertThat(slider().getValue()).isEqualTo(1.0);
        assertThat(caption()).startsWith(t("statement.replay.wordValueRange", 1, 3, 1, 4, 15) + " · ");
        assertThat(visibleText(textBox())).isEqualTo("Hej ");
        test(button("replay-next")).click();
        assertThat(visibleText(textBox())).isEqualTo("Hej alle ");
        assertThat(visibleText(children("mark").getFirst())).isEqualTo("alle ");

        slider().setValue(3.0);
        assertThat(visibleText(textBox())).isEqualTo("Hej alle sammen");

        // Back to single changes at the same text: the word "alle " ended with change 9.
        slider().setValue(2.0);
        unit().setValue(ReplayPanel.Unit.CHANGE);
        assertThat(slider().getMax()).isEqualTo(15.0);
        assertThat(slider().getValue()).isEqualTo(9.0);
        assertThat(caption()).startsWith(t("statement.replay.value", 9, 15) + " · ");
        assertThat(slider().getElement().getAttribute("aria-valuetext")).isEqualTo(t("statement.replay.value", 9, 15));
        assertThat(visibleText(textBox())).isEqualTo("Hej alle ");
    }
}
