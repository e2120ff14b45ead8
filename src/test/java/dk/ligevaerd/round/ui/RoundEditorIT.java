package dk.ligevaerd.round.ui;

import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** What a first-time moderator meets in the "New round" dialog (issue 12, section 4). */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class RoundEditorIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired RoundService rounds;
    @Autowired PriorityService priorities;
    @Autowired StatementService statements;

    @Test
    @WithUserDetails(KOMMUNE1)
    @SuppressWarnings("unchecked")
    void places_adopted_follow_the_ticked_priorities_so_the_defaults_save() {
        long id = workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
        RoundEditor editor = new RoundEditor(rounds, priorities, statements, id, null,
                workspaces.details(id).sides());
        editor.open();
        $(TextField.class).id("round-title").setValue("Two priorities");
        CheckboxGroup<PriorityView> choices = $(CheckboxGroup.class).id("round-priorities");
        List<PriorityView> offered = choices.getListDataView().getItems().toList();
        offered.stream().filter(p -> p.state() != PriorityState.PROPOSED).forEach(p -> assertThat(
                choices.getItemLabelGenerator().apply(p)).as("a decided priority says so").endsWith(")"));
        assertThat(offered).hasSizeGreaterThanOrEqualTo(3);
        List<PriorityView> two = offered.subList(0, 2);
        IntegerField places = $(IntegerField.class).id("round-top-places");
        choices.setValue(Set.copyOf(two));
        assertThat(places.getValue()).as("half the ticked priorities, at least one").isEqualTo(1);
        assertThat(places.getMax()).isEqualTo(2);
        assertThat($(Paragraph.class).id("round-will-adopt").getText())
                .isEqualTo("Runden vedtager højst 1 af de 2 valgte prioriteter.");
        List<PriorityView> more = offered.size() >= 4 ? offered.subList(0, 4) : offered;
        choices.setValue(Set.copyOf(more));
        assertThat(places.getValue()).as("the default follows the ticked priorities").isEqualTo(more.size() / 2);
        choices.setValue(Set.copyOf(two));
        places.setValue(2);
        $(Checkbox.class).id("round-every-side").setValue(true);
        assertThat($(Paragraph.class).id("round-will-adopt").getText()).isEqualTo("Runden vedtager højst 2 af de 2 "
                + "valgte prioriteter. Kun en prioritet, som alle sider har givet point, kan vedtages, så det kan blive "
                + "færre.");

        $(Checkbox.class).id("round-secret").setValue(true);
        assertThat($(Checkbox.class).id("round-live").getValue()).isFalse();
        assertThat($(Checkbox.class).id("round-live").isEnabled()).isFalse();

        test($(Button.class).id("round-save")).click();
        assertThat(editor.isOpened()).as("saved with the defaults, so the dialog closed").isFalse();
        RoundView saved = rounds.list(id).stream().filter(r -> r.title().equals("Two priorities")).findFirst()
                .orElseThrow();
        assertThat(saved.adoptTopPlaces()).isEqualTo(2);
        assertThat(saved.adoptEverySide()).isTrue();
        assertThat(saved.state()).isEqualTo(RoundState.DRAFT);
        rounds.cancel(id, saved.id(), "Only a test of the dialog");
    }
}
