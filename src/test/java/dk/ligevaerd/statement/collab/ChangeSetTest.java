package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dk.ligevaerd.testing.Cases;
import dk.ligevaerd.testing.Gens;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change set is what every browser sends and what is stored forever, so it must read exactly
 * CodeMirror's format, refuse anything else with a key the user can be shown, and transform
 * concurrent changes so that both orders reach the same text.
 */
class ChangeSetTest {

    private static ChangeSet parse(String json, int length) {
        return ChangeSet.parse(json, length);
    }

    @Test
    void a_replacement_in_codemirror_json_applies_to_the_text() {
        ChangeSet change = parse("[8,[4,\"mere\",\"samvær\"]]", 12);

        assertThat(change.apply("Formål: fred")).isEqualTo("Formål: mere\nsamvær");
    }

    @Test
    void applying_needs_a_text_of_the_length_the_change_was_made_for() {
        ChangeSet change = parse("[2,[0,\"x\"],1]", 3);

        assertThat(change.apply("abc")).isEqualTo("abxc");
        assertThatThrownBy(() -> change.apply("abcd"))
                .isInstanceOf(InvalidChange.class)
                .extracting(e -> ((InvalidChange) e).messageKey()).isEqualTo(InvalidChange.WRONG_LENGTH);
    }

    @Test
    void lengths_before_and_after_count_utf16_units_like_javascript() {
        ChangeSet change = parse("[[1,\"😀\"],1]", 2);

        assertThat(change.lengthBefore()).isEqualTo(2);
        assertThat(change.lengthAfter()).isEqualTo(3);
        assertThat(change.apply("ab")).isEqualTo("😀b");
    }

    @Test
    void a_bare_deletion_and_an_empty_line_both_delete() {
        assertThat(parse("[1,[2]]", 3).apply("abc")).isEqualTo("a");
        assertThat(parse("[1,[2,\"\"]]", 3)).isEqualTo(parse("[1,[2]]", 3));
    }

    @Test
    void equivalent_json_reads_as_the_same_change_in_normal_form() {
        ChangeSet split = parse("[1,0,2,[1],[1],[0,\"a\"],[0,\"b\"]]", 5);
        ChangeSet normal = parse("[3,[2],[0,\"ab\"]]", 5);

        assertThat(split).isEqualTo(normal);
        assertThat(split.toJsonString()).isEqualTo("[3,[2],[0,\"ab\"]]");
    }

    @Test
    void the_json_written_reads_back_as_the_same_change() {
        ChangeSet change = ChangeSet.replace(10, 2, 5, "to\nlinjer");

        assertThat(change.toJsonString()).isEqualTo("[2,[3,\"to\",\"linjer\"],5]");
        assertThat(ChangeSet.fromJson(change.toJson(), 10)).isEqualTo(change);
    }

    @Test
    void an_empty_text_takes_the_empty_array() {
        assertThat(parse("[]", 0).isEmpty()).isTrue();
        assertThat(parse("[[0,\"Formål\"]]", 0).apply("")).isEqualTo("Formål");
        assertThat(ChangeSet.empty(0).toJsonString()).isEqualTo("[]");
        assertThat(ChangeSet.empty(4).toJsonString()).isEqualTo("[4]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "\"[1]\"", "1", "null", "[1] [2]", "[1,", "not json",
            "[-1]", "[[-1]]", "[1.5]", "[[1.0,\"a\"]]", "[1e3]", "[99999999999999999999]", "[2147483648]",
            "[[]]", "[[\"a\"]]", "[[1,2]]", "[[1,\"a\",3]]", "[[1,[\"a\"]]]", "[[[1]]]", "[true]", "[null]",
            "[{\"from\":0}]", "[[1,\"a\\nb\"]]", "[[1,\"a\\rb\"]]", "[[0,null]]",
            "[2147483647,2147483647]"
    })
    void malformed_json_is_refused_as_malformed(String json) {
        assertThatThrownBy(() -> parse(json, 1))
                .isInstanceOfSatisfying(InvalidChange.class,
                        e -> assertThat(e.messageKey()).as(e.detail()).isEqualTo(InvalidChange.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2]", "[0]", "[[2]]", "[1,[1,\"x\"]]", "[[0,\"x\"]]"})
    void lengths_that_do_not_fit_the_text_are_refused(String json) {
        assertThatThrownBy(() -> parse(json, 1))
                .isInstanceOfSatisfying(InvalidChange.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(InvalidChange.WRONG_LENGTH);
                    assertThat(e.arguments()[1]).isEqualTo(1);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[0,\"a\\u0000\"]]", "[[0,\"\\u0007\"]]", "[[0,\"\\u007f\"]]", "[[0,\"\\ud83d\"]]",
            "[[0,\"\\ude00x\"]]", "[[0,\"x\\ud83d\"]]"})
    void characters_that_cannot_be_stored_are_refused(String json) {
        assertThatThrownBy(() -> parse(json, 0))
                .isInstanceOfSatisfying(InvalidChange.class,
                        e -> assertThat(e.messageKey()).isEqualTo(InvalidChange.INVALID_CHARACTER));
    }

    @Test
    void tabs_and_surrogate_pairs_are_ordinary_text() {
        assertThat(parse("[[0,\"\\t\\ud83d\\ude00\"]]", 0).apply("")).isEqualTo("\t😀");
    }

    @Test
    void the_detail_for_the_log_says_what_was_wrong() {
        assertThatThrownBy(() -> parse("[1,[-3]]", 1))
                .isInstanceOfSatisfying(InvalidChange.class,
                        e -> assertThat(e.detail()).contains("section 1", "negative"));
    }

    @Test
    void concurrent_inserts_at_the_same_position_are_ordered_by_the_before_flag() {
        String doc = "ab";
        ChangeSet mine = ChangeSet.replace(2, 1, 1, "M");
        ChangeSet theirs = ChangeSet.replace(2, 1, 1, "T");

        assertThat(mine.map(theirs, false).apply(theirs.apply(doc))).isEqualTo("aTMb");
        assertThat(mine.map(theirs, true).apply(theirs.apply(doc))).isEqualTo("aMTb");
    }

    @Test
    void an_insertion_inside_text_deleted_concurrently_survives() {
        ChangeSet insert = ChangeSet.replace(6, 3, 3, "NY");
        ChangeSet delete = ChangeSet.replace(6, 1, 5, "");

        assertThat(insert.map(delete, false).apply(delete.apply("abcdef"))).isEqualTo("aNYf");
        assertThat(delete.map(insert, true).apply(insert.apply("abcdef"))).isEqualTo("aNYf");
    }

    @Test
    void overlapping_deletions_delete_once() {
        ChangeSet first = ChangeSet.replace(6, 1, 4, "");
        ChangeSet second = ChangeSet.replace(6, 2, 5, "");

        assertThat(second.map(first, false).apply(first.apply("abcdef"))).isEqualTo("af");
    }

    @Test
    void composing_two_changes_has_the_effect_of_both() {
        ChangeSet first = ChangeSet.replace(5, 1, 3, "XYZ");
        ChangeSet second = ChangeSet.replace(6, 0, 2, "q");

        assertThat(first.compose(second).apply("abcde")).isEqualTo("qYZde");
        assertThatThrownBy(() -> first.compose(first)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapping_needs_both_changes_made_to_the_same_text() {
        assertThatThrownBy(() -> ChangeSet.empty(3).map(ChangeSet.empty(4), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_caret_stays_put_when_others_type_elsewhere() {
        ChangeSet elsewhere = parse("[[0,\"Indledning \"],10,[0,\"!\"]]", 10);

        assertThat(elsewhere.mapPos(4, -1)).isEqualTo(15);
        assertThat(elsewhere.mapPos(0, -1)).isEqualTo(0);
        assertThat(elsewhere.mapPos(0, 1)).isEqualTo(11);
        assertThat(elsewhere.mapPos(10, -1)).isEqualTo(21);
        assertThat(elsewhere.mapPos(10, 1)).isEqualTo(22);
    }

    @Test
    void inserted_and_deleted_ranges_are_reported_in_their_own_texts() {
        ChangeSet change = parse("[[0,\"ab\"],2,[3,\"c\"],1,[2]]", 8);

        assertThat(change.insertedRanges()).containsExactly(new ChangeSet.Range(0, 2), new ChangeSet.Range(4, 5));
        assertThat(change.deletedRanges()).containsExactly(new ChangeSet.Range(2, 5), new ChangeSet.Range(6, 8));
        assertThat(change.changes()).containsExactly(
                new ChangeSet.Change(0, 0, 0, 2, "ab"),
                new ChangeSet.Change(2, 5, 4, 5, "c"),
                new ChangeSet.Change(6, 8, 6, 6, ""));
    }

    @Test
    void the_structure_can_be_read_before_the_length_is_known() {
        ChangeSet change = ChangeSet.fromJson(JsonMapper.shared().readTree("[3,[0,\"x\"]]"));

        assertThat(change.lengthBefore()).isEqualTo(3);
        assertThat(change.lengthAfter()).isEqualTo(4);
    }

    @Test
    void concurrent_changes_reach_the_same_text_in_either_order() {
        Cases cases = new Cases("concurrent_changes_reach_the_same_text_in_either_order");
        qt().withExamples(400).forAll(docs(), seeds(), seeds()).checkAssert((doc, seedA, seedB) -> {
            ChangeSet a = RandomEdits.change(doc.length(), seedA);
            ChangeSet b = RandomEdits.change(doc.length(), seedB);

            String viaA = a.compose(b.map(a, false)).apply(doc);
            String viaB = b.compose(a.map(b, true)).apply(doc);

            assertThat(viaA).isEqualTo(viaB);
            assertThat(b.map(a, false).apply(a.apply(doc))).isEqualTo(viaA);
            cases.collect("document", doc.isEmpty() ? "empty" : "not empty");
        });
        cases.print();
    }

    @Test
    void composition_equals_applying_one_after_the_other() {
        Cases cases = new Cases("composition_equals_applying_one_after_the_other");
        qt().withExamples(400).forAll(docs(), seeds(), seeds()).checkAssert((doc, seedA, seedB) -> {
            ChangeSet a = RandomEdits.change(doc.length(), seedA);
            ChangeSet b = RandomEdits.change(a.lengthAfter(), seedB);

            assertThat(a.compose(b).apply(doc)).isEqualTo(b.apply(a.apply(doc)));
            assertThat(ChangeSet.parse(a.compose(b).toJsonString(), doc.length())).isEqualTo(a.compose(b));
            cases.collect("document", doc.isEmpty() ? "empty" : "not empty");
        });
        cases.print();
    }

    static Gen<String> docs() {
        return Gens.strings("ab\nø", 12);
    }

    static Gen<Long> seeds() {
        return longs().all();
    }
}
