package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A passage that a comment or a suggestion points at must follow the text through everyone's
 * changes: keep its words while they stand, narrow when some are deleted, and say so plainly when
 * all of them are gone.
 */
class PassageTest {

    private static final String TEXT = "Vi vil skabe mere samvær i byen";

    @Test
    void typing_before_the_passage_moves_it_and_keeps_its_words() {
        Passage passage = Passage.of(TEXT, 13, 24); // "mere samvær"
        ChangeSet change = ChangeSet.replace(TEXT.length(), 0, 0, "Sammen: ");

        Passage moved = passage.after(change, change.apply(TEXT));

        assertThat(moved.from()).isEqualTo(21);
        assertThat(moved.wording()).isEqualTo("mere samvær");
        assertThat(moved.removed()).isFalse();
    }

    @Test
    void typing_right_at_either_edge_does_not_widen_the_passage() {
        Passage passage = Passage.of(TEXT, 13, 24);
        ChangeSet atStart = ChangeSet.replace(TEXT.length(), 13, 13, "langt ");
        String afterStart = atStart.apply(TEXT);
        Passage moved = passage.after(atStart, afterStart);
        ChangeSet atEnd = ChangeSet.replace(afterStart.length(), moved.to(), moved.to(), " og tryghed");

        Passage result = moved.after(atEnd, atEnd.apply(afterStart));

        assertThat(result.wording()).isEqualTo("mere samvær");
    }

    @Test
    void typing_inside_the_passage_becomes_part_of_it() {
        Passage passage = Passage.of(TEXT, 13, 24);
        ChangeSet change = ChangeSet.replace(TEXT.length(), 18, 18, "og bedre ");

        assertThat(passage.after(change, change.apply(TEXT)).wording()).isEqualTo("mere og bedre samvær");
    }

    @Test
    void deleting_part_of_the_passage_narrows_it() {
        Passage passage = Passage.of(TEXT, 13, 24);
        ChangeSet change = ChangeSet.replace(TEXT.length(), 10, 18, "");

        Passage narrowed = passage.after(change, change.apply(TEXT));

        assertThat(narrowed.wording()).isEqualTo("samvær");
        assertThat(narrowed.removed()).isFalse();
    }

    @Test
    void deleting_or_replacing_every_word_marks_it_removed_with_its_last_wording() {
        Passage passage = Passage.of(TEXT, 13, 24);
        ChangeSet replaced = ChangeSet.replace(TEXT.length(), 13, 24, "fællesskab");

        Passage gone = passage.after(replaced, replaced.apply(TEXT));

        assertThat(gone.removed()).isTrue();
        assertThat(gone.wording()).isEqualTo("mere samvær");
        assertThat(gone.from()).isEqualTo(gone.to()).isEqualTo(13);
    }

    @Test
    void a_removed_passage_stays_removed_when_the_same_words_are_typed_again() {
        Passage passage = Passage.of(TEXT, 13, 24);
        ChangeSet deleted = ChangeSet.replace(TEXT.length(), 13, 24, "");
        String afterDelete = deleted.apply(TEXT);
        ChangeSet retyped = ChangeSet.replace(afterDelete.length(), 13, 13, "mere samvær");

        Passage result = passage.after(List.of(deleted, retyped), TEXT);

        assertThat(result.removed()).isTrue();
        assertThat(result.wording()).isEqualTo("mere samvær");
    }
}
