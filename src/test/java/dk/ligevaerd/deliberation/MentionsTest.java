package dk.ligevaerd.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionsTest {

    private static final Map<Long, String> MEMBERS = Map.of(1L, "Anne", 2L, "Anne Hansen", 3L, "Bo Ærø",
            4L, "Karin Lund");

    @Test
    void a_name_after_an_at_sign_is_a_mention_whatever_its_case() {
        assertThat(Mentions.find("Hvad siger @karin lund til det?", MEMBERS)).containsExactly(4L);
        assertThat(Mentions.find("@BO ÆRØ: enig", MEMBERS)).containsExactly(3L);
    }

    @Test
    void the_longest_name_wins_and_a_shorter_one_is_not_also_mentioned() {
        assertThat(Mentions.find("Tak @Anne Hansen.", MEMBERS)).containsExactly(2L);
        assertThat(Mentions.find("Tak @Anne, og @Anne Hansen", MEMBERS)).containsExactly(1L, 2L);
    }

    @Test
    void a_name_must_end_where_a_word_ends() {
        assertThat(Mentions.find("@Annette kommer ikke", MEMBERS)).isEmpty();
        assertThat(Mentions.find("@Anne Hansens forslag", MEMBERS)).containsExactly(1L);
    }

    @Test
    void an_e_mail_address_is_no_mention() {
        assertThat(Mentions.find("skriv til karin@Karin Lund eller anne.b@Anne", MEMBERS)).isEmpty();
        assertThat(Mentions.find("(@Anne) og\n@Karin Lund", MEMBERS)).containsExactly(1L, 4L);
    }

    @Test
    void text_without_mentions_or_names_that_are_not_members_mention_no_one() {
        assertThat(Mentions.find("Ingen her, heller ikke @Ole eller @ alene", MEMBERS)).isEmpty();
        assertThat(Mentions.find("@", MEMBERS)).isEmpty();
        assertThat(Mentions.find("@Anne", Map.of())).isEmpty();
    }

    @Test
    void two_members_of_the_same_name_are_both_mentioned_once() {
        assertThat(Mentions.find("@Ida Holm og @ida holm igen", Map.of(7L, "Ida Holm", 8L, "Ida Holm ")))
                .containsExactly(7L, 8L);
    }
}
