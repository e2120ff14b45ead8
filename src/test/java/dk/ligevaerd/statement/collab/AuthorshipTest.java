package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dk.ligevaerd.testing.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Authorship feeds the equality view, where a side's share of the text is a claim about fairness,
 * so it must follow every insert, delete and replacement exactly, and give the same answer whether
 * kept up change by change or rebuilt from the stored history after a restart.
 */
class AuthorshipTest {

    private static final Author ANNA = new Author(1, 10);
    private static final Author BO = new Author(2, 20);
    private static final Author CARL = new Author(3, 10);

    private static ChangeSet replace(Authorship authorship, int from, int to, String text) {
        return ChangeSet.replace(authorship.length(), from, to, text);
    }

    @Test
    void inserted_text_belongs_to_whoever_inserted_it() {
        Authorship authorship = Authorship.empty();

        authorship.apply(ANNA, replace(authorship, 0, 0, "Vi mødes"));
        authorship.apply(BO, replace(authorship, 2, 2, " alle"));

        assertThat(authorship.spans()).containsExactly(
                new Authorship.Span(0, 2, ANNA), new Authorship.Span(2, 7, BO), new Authorship.Span(7, 13, ANNA));
        assertThat(authorship.shares()).isEqualTo(Map.of(10L, 8, 20L, 5));
    }

    @Test
    void deleted_text_no_longer_counts_for_anyone() {
        Authorship authorship = Authorship.empty();
        authorship.apply(ANNA, replace(authorship, 0, 0, "abc"));
        authorship.apply(BO, replace(authorship, 3, 3, "def"));

        authorship.apply(ANNA, replace(authorship, 2, 4, ""));

        assertThat(authorship.spans()).containsExactly(new Authorship.Span(0, 2, ANNA), new Authorship.Span(2, 4, BO));
        authorship.apply(BO, replace(authorship, 0, 4, ""));
        assertThat(authorship.spans()).isEmpty();
        assertThat(authorship.shares()).isEmpty();
    }

    @Test
    void a_replacement_belongs_to_whoever_replaced() {
        Authorship authorship = Authorship.empty();
        authorship.apply(ANNA, replace(authorship, 0, 0, "samvær"));

        authorship.apply(BO, replace(authorship, 0, 6, "fællesskab"));

        assertThat(authorship.spans()).containsExactly(new Authorship.Span(0, 10, BO));
    }

    @Test
    void neighbouring_text_by_the_same_author_is_one_span() {
        Authorship authorship = Authorship.empty();
        authorship.apply(ANNA, replace(authorship, 0, 0, "ab"));
        authorship.apply(BO, replace(authorship, 1, 1, "X"));

        authorship.apply(CARL, replace(authorship, 1, 2, ""));

        assertThat(authorship.spans()).containsExactly(new Authorship.Span(0, 2, ANNA));
    }

    @Test
    void sides_are_counted_together_across_their_members() {
        Authorship authorship = Authorship.empty();
        authorship.apply(ANNA, replace(authorship, 0, 0, "aaa"));
        authorship.apply(BO, replace(authorship, 3, 3, "bb"));
        authorship.apply(CARL, replace(authorship, 5, 5, "c"));

        assertThat(authorship.shares()).containsExactly(Map.entry(10L, 4), Map.entry(20L, 2));
    }

    @Test
    void a_change_in_several_places_is_followed_in_each() {
        Authorship authorship = Authorship.empty();
        authorship.apply(ANNA, replace(authorship, 0, 0, "abcdef"));

        authorship.apply(BO, ChangeSet.parse("[[0,\"X\"],2,[2,\"Y\"],1,[1]]", 6));

        assertThat(authorship.spans()).containsExactly(
                new Authorship.Span(0, 1, BO), new Authorship.Span(1, 3, ANNA),
                new Authorship.Span(3, 4, BO), new Authorship.Span(4, 5, ANNA));
    }

    @Test
    void rebuilding_by_replay_equals_the_incremental_authorship() {
        Authority authority = Authority.create();
        Authorship incremental = Authorship.empty();
        String[][] edits = {{"0", "0", "Formål"}, {"6", "6", ": at mødes"}, {"0", "6", "Målet"}, {"7", "15", "ses"}};
        Author[] authors = {ANNA, BO, BO, ANNA};
        for (int k = 0; k < edits.length; k++) {
            ChangeSet change = ChangeSet.replace(authority.text().length(),
                    Integer.parseInt(edits[k][0]), Integer.parseInt(edits[k][1]), edits[k][2]);
            Receipt receipt = authority.receive(authority.version(), List.of(new Update("c", authors[k], change)));
            ((Receipt.Accepted) receipt).updates().forEach(incremental::apply);
        }

        Authorship replayed = Authorship.replay(authority.updatesSince(0));

        assertThat(authority.text()).isEqualTo("Målet: ses");
        assertThat(replayed).isEqualTo(incremental);
        assertThat(replayed.length()).isEqualTo(authority.text().length());
    }

    @Test
    void saved_spans_restore_the_same_authorship() {
        Authorship authorship = Authorship.empty();
        authorship.apply(ANNA, replace(authorship, 0, 0, "abc"));
        authorship.apply(BO, replace(authorship, 1, 1, "X"));

        assertThat(Authorship.of(authorship.spans())).isEqualTo(authorship);
        assertThatThrownBy(() -> Authorship.of(List.of(new Authorship.Span(1, 2, ANNA))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_change_for_another_length_is_not_followed() {
        assertThatThrownBy(() -> Authorship.empty().apply(ANNA, ChangeSet.empty(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incremental_and_replayed_authorship_match_a_character_by_character_count() {
        Cases cases = new Cases("incremental_and_replayed_authorship_match_a_character_by_character_count");
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 40)).checkAssert((seed, changes) -> {
            int spans = authorshipMatchesCharacterCount(seed, changes);
            cases.collect("spans", spans == 0 ? "0" : spans == 1 ? "1" : spans < 5 ? "2-4" : "5+");
        });
        cases.print();
    }

    /** Checks the property for one history and says into how many spans it fell. */
    private static int authorshipMatchesCharacterCount(long seed, int changes) {
        SplittableRandom random = new SplittableRandom(seed);
        Author[] authors = {ANNA, BO, CARL};
        Authorship incremental = Authorship.empty();
        List<Author> perCharacter = new ArrayList<>();
        List<AcceptedUpdate> history = new ArrayList<>();
        for (int k = 0; k < changes; k++) {
            Author author = authors[random.nextInt(authors.length)];
            ChangeSet change = RandomEdits.change(incremental.length(), random, () -> "xy");
            incremental.apply(author, change);
            history.add(new AcceptedUpdate(k + 1, "c", author, change));
            perCharacter = applyToCharacters(perCharacter, author, change);
        }

        assertThat(Authorship.replay(history)).isEqualTo(incremental);
        List<Author> fromSpans = new ArrayList<>();
        for (Authorship.Span span : incremental.spans()) {
            assertThat(span.length()).isPositive();
            for (int i = span.from(); i < span.to(); i++) {
                fromSpans.add(span.author());
            }
        }
        assertThat(fromSpans).isEqualTo(perCharacter);
        assertThat(incremental.shares().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(perCharacter.size());
        return incremental.spans().size();
    }

    /** The obvious, slow model: one author per character. */
    private static List<Author> applyToCharacters(List<Author> before, Author author, ChangeSet change) {
        List<Author> after = new ArrayList<>();
        int pos = 0;
        for (ChangeSet.Change c : change.changes()) {
            after.addAll(before.subList(pos, c.fromA()));
            for (int i = 0; i < c.inserted().length(); i++) {
                after.add(author);
            }
            pos = c.toA();
        }
        after.addAll(before.subList(pos, before.size()));
        return after;
    }
}
