package dk.ligevaerd.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.shared.DomainException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private static Workspace twoSided() {
        Workspace w = new Workspace("Besøgsvenner", "", List.of("Kommune", "Civilsamfund"), 1L, Instant.EPOCH);
        long id = 100;
        for (Side side : w.sides()) {
            setId(side, id++);
        }
        return w;
    }

    private static void setId(Side side, long id) {
        try {
            Field f = Side.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(side, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String messageKey(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void a_new_workspace_has_its_sides_in_order_with_distinct_colours() {
        Workspace w = twoSided();
        assertThat(w.sides()).extracting(Side::name).containsExactly("Kommune", "Civilsamfund");
        assertThat(w.sides().get(0).colour()).isNotEqualTo(w.sides().get(1).colour());
        assertThat(w.jointClosing()).isTrue();
    }

    @Test
    void a_workspace_needs_at_least_two_sides() {
        assertThat(messageKey(() -> new Workspace("X", "", List.of("Kommune"), 1L, Instant.EPOCH)))
                .isEqualTo("error.side.tooFew");
    }

    @Test
    void the_name_must_be_1_to_120_characters() {
        assertThat(messageKey(() -> new Workspace(" ", "", List.of("A", "B"), 1L, Instant.EPOCH)))
                .isEqualTo("error.missing.workspaceName");
        assertThat(messageKey(() -> new Workspace("x".repeat(121), "", List.of("A", "B"), 1L, Instant.EPOCH)))
                .isEqualTo("error.length");
        assertThat(new Workspace("x".repeat(120), "", List.of("A", "B"), 1L, Instant.EPOCH).name()).hasSize(120);
    }

    @Test
    void side_names_are_unique_ignoring_case() {
        Workspace w = twoSided();
        assertThat(messageKey(() -> w.addSide("kommune", Side.PALETTE.get(2)))).isEqualTo("error.side.nameTaken");
        assertThat(messageKey(() -> w.renameSide(101, "KOMMUNE"))).isEqualTo("error.side.nameTaken");
        assertThat(messageKey(() -> new Workspace("X", "", List.of("A", "a"), 1L, Instant.EPOCH)))
                .isEqualTo("error.side.nameTaken");
    }

    @Test
    void a_side_may_keep_its_own_name_when_renamed() {
        Workspace w = twoSided();
        w.renameSide(100, "kommune");
        assertThat(w.side(100).name()).isEqualTo("kommune");
    }

    @Test
    void side_names_must_be_1_to_40_characters() {
        Workspace w = twoSided();
        assertThat(messageKey(() -> w.addSide("", Side.PALETTE.get(2)))).isEqualTo("error.missing.sideName");
        assertThat(messageKey(() -> w.addSide("x".repeat(41), Side.PALETTE.get(2)))).isEqualTo("error.length");
        assertThat(w.sides()).hasSize(2);
    }

    @Test
    void a_third_side_can_be_added_and_an_empty_one_removed() {
        Workspace w = twoSided();
        Side borgere = w.addSide("Borgere", Side.PALETTE.get(2));
        setId(borgere, 102);
        assertThat(w.sides()).hasSize(3);
        w.removeSide(102, 0);
        assertThat(w.sides()).extracting(Side::name).containsExactly("Kommune", "Civilsamfund");
    }

    @Test
    void a_side_with_members_cannot_be_removed() {
        Workspace w = twoSided();
        setId(w.addSide("Borgere", Side.PALETTE.get(2)), 102);
        assertThat(messageKey(() -> w.removeSide(102, 3))).isEqualTo("error.side.hasMembers");
        assertThat(w.sides()).hasSize(3);
    }

    @Test
    void the_last_two_sides_cannot_be_removed() {
        Workspace w = twoSided();
        assertThat(messageKey(() -> w.removeSide(100, 0))).isEqualTo("error.side.tooFew");
        assertThat(w.sides()).hasSize(2);
    }

    @Test
    void colours_must_be_hex_codes() {
        Workspace w = twoSided();
        assertThat(messageKey(() -> w.recolourSide(100, "red; background:url(x)"))).isEqualTo("error.side.colour");
        w.recolourSide(100, "#abcdef");
        assertThat(w.side(100).colour()).isEqualTo("#ABCDEF");
    }

    @Test
    void no_more_than_eight_sides() {
        Workspace w = twoSided();
        for (int i = 3; i <= Workspace.MAX_SIDES; i++) {
            w.addSide("Side " + i, Side.PALETTE.get(0));
        }
        assertThatThrownBy(() -> w.addSide("One too many", Side.PALETTE.get(0)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.side.tooMany");
    }
}
