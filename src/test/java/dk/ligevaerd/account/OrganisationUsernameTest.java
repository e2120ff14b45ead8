package dk.ligevaerd.account;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.domain.UserAccount;
import org.junit.jupiter.api.Test;

/** The username made up for an account that signs in through its organisation. */
class OrganisationUsernameTest {

    @Test
    void the_address_gives_the_name_in_the_characters_usernames_allow() {
        assertThat(base("Søren.Ærø+kommune@aarhus.dk", "Søren")).isEqualTo("soeren.aeroekommune");
    }

    @Test
    void without_a_usable_address_the_display_name_gives_it() {
        assertThat(base(null, "Åse Müller Jensen")).isEqualTo("aase.muller.jensen");
        assertThat(base("x@kommune.dk", "Åse Müller Jensen")).isEqualTo("aase.muller.jensen");
    }

    @Test
    void a_name_without_letters_or_digits_gets_a_plain_word_and_every_result_is_a_valid_base() {
        assertThat(base(null, "—")).isEqualTo("bruger");
        String cut = base(null, "a".repeat(200));
        assertThat(cut).hasSize(UserAccount.REQUESTED_USERNAME_MAX_LENGTH);
        assertThat(UserAccount.requestedUsername(cut)).isEqualTo(cut);
        assertThat(UserAccount.requestedUsername(base("Søren.Ærø+kommune@aarhus.dk", ""))).isNotBlank();
    }

    private static String base(String email, String displayName) {
        return OrganisationSignInService.usernameBase(
                new ProviderIdentity("id", "Org", "https://issuer", "subject", email, true, null), displayName);
    }
}
