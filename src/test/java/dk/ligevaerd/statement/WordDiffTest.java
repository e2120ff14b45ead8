package dk.ligevaerd.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.statement.WordDiff.Kind;
import dk.ligevaerd.statement.WordDiff.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    private static String rebuild(List<Part> parts, Kind without) {
        StringBuilder text = new StringBuilder();
        parts.stream().filter(p -> p.kind() != without).forEach(p -> text.append(p.text()));
        return text.toString();
    }

    @Test
    void a_replaced_word_shows_as_the_old_word_deleted_and_the_new_one_inserted() {
        List<Part> parts = WordDiff.compare("Vi vil mødes hver uge.", "Vi vil mødes hver måned.");

        assertThat(parts).containsExactly(new Part(Kind.SAME, "Vi vil mødes hver "), new Part(Kind.DELETED, "uge"),
                new Part(Kind.INSERTED, "måned"), new Part(Kind.SAME, "."));
    }

    @Test
    void whole_words_change_not_single_letters() {
        List<Part> parts = WordDiff.compare("besøgsven", "besøgsvenner");

        assertThat(parts).containsExactly(new Part(Kind.DELETED, "besøgsven"), new Part(Kind.INSERTED, "besøgsvenner"));
    }

    @Test
    void either_text_can_be_rebuilt_from_the_comparison_so_nothing_is_lost_or_invented() {
        String before = "Formål\n\nKommunen og foreningerne vil sammen skabe et tilbud.\nFor ensomme ældre.";
        String after = "Formål:\n\nForeningerne og kommunen vil skabe et fælles tilbud.\n\nFor alle ældre i Vestbyen.";

        List<Part> parts = WordDiff.compare(before, after);

        assertThat(rebuild(parts, Kind.INSERTED)).isEqualTo(before);
        assertThat(rebuild(parts, Kind.DELETED)).isEqualTo(after);
    }

    @Test
    void identical_texts_are_one_unchanged_part_and_empty_texts_none() {
        assertThat(WordDiff.compare("Samme tekst", "Samme tekst")).containsExactly(new Part(Kind.SAME, "Samme tekst"));
        assertThat(WordDiff.compare("", "")).isEmpty();
        assertThat(WordDiff.compare("", "Ny")).containsExactly(new Part(Kind.INSERTED, "Ny"));
    }

    @Test
    void markup_in_the_text_is_just_text() {
        List<Part> parts = WordDiff.compare("a", "a <b>fed</b>");

        assertThat(rebuild(parts, Kind.DELETED)).isEqualTo("a <b>fed</b>");
        assertThat(parts.getLast().kind()).isEqualTo(Kind.INSERTED);
    }
}
