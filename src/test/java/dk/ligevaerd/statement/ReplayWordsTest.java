package dk.ligevaerd.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.statement.collab.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayWordsTest {

    /** Builds a history keystroke by keystroke, keeping the text so each change fits it. */
    private static final class History {
        final List<ReplayWords.Change> changes = new ArrayList<>();
        String text = "";

        History type(long author, String typed) {
            for (char c : typed.toCharArray()) {
                at(author, text.length(), text.length(), String.valueOf(c));
            }
            return this;
        }

        History at(long author, int from, int to, String insert) {
            ChangeSet set = ChangeSet.replace(text.length(), from, to, insert);
            changes.add(new ReplayWords.Change(author, author * 10, set));
            text = set.apply(text);
            return this;
        }

        History backspace(long author, int times) {
            for (int i = 0; i < times; i++) {
                at(author, text.length() - 1, text.length(), "");
            }
            return this;
        }
    }

    @Test
    void typing_letter_by_letter_stops_after_each_word_with_its_space_and_punctuation() {
        History h = new History().type(1, "Hej, alle sammen.");

        // "Hej, " (5 changes), "alle " (5), "sammen." (7)
        assertThat(ReplayWords.stops(h.changes)).containsExactly(5, 10, 17);
    }

    @Test
    void another_person_typing_starts_a_new_step_even_in_the_middle_of_a_word() {
        History h = new History().type(1, "Fæl").type(2, "les");

        assertThat(ReplayWords.stops(h.changes)).containsExactly(3, 6);
    }

    @Test
    void a_run_of_backspaces_is_one_step_and_typing_elsewhere_is_a_new_one() {
        History h = new History().type(1, "abc").backspace(1, 2).type(1, "x");
        h.at(1, 0, 0, "Y");

        // "abc" | two backspaces | "x" typed after deleting | "Y" at the start
        assertThat(ReplayWords.stops(h.changes)).containsExactly(3, 5, 6, 7);
    }

    @Test
    void a_replacement_is_a_step_of_its_own_and_the_last_change_always_ends_a_step() {
        History h = new History().type(1, "gammel");
        h.at(1, 0, 6, "ny").type(1, "t");

        assertThat(ReplayWords.stops(h.changes)).containsExactly(6, 7, 8);
        assertThat(ReplayWords.stops(List.of())).isEmpty();
    }
}
