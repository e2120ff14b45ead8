package dk.ligevaerd.account;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.domain.OrganisationIdentityRepository;
import dk.ligevaerd.account.domain.UserAccountRepository;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The linking rules of a first sign-in with an organisation's account, on the real service and
 * database: both sides must have verified the same address, and a link once made is all that counts.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/organisation-sign-in-${random.uuid}"})
class OrganisationSignInServiceIT {

    private static final String ISSUER = "https://login.example.test/kommune/v2.0";

    @Autowired OrganisationSignInService signIns;
    @Autowired AccountService accounts;
    @Autowired UserAccountRepository users;
    @Autowired OrganisationIdentityRepository identities;

    @Test
    void an_account_whose_own_address_is_unproven_is_not_linked_even_when_the_provider_vouches_for_it() {
        String name = unique("bo");
        UserSummary account = accounts.register(name, "Bo Ubekræftet", "bla-hest-tromme-7");
        address(account, name + "@kommune.test", null);

        assertThat(signIns.signIn(identity(name + "-sub", name + "@kommune.test", true))).isEmpty();

        assertThat(identities.findByIssuerAndSubject(ISSUER, name + "-sub")).isEmpty();
    }

    @Test
    void a_link_once_made_decides_every_later_sign_in_whatever_address_the_provider_sends() {
        String name = unique("eva");
        UserSummary account = accounts.register(name, "Eva Bekræftet", "bla-hest-tromme-7");
        address(account, name + "@kommune.test", Instant.now());

        assertThat(signIns.signIn(identity(name + "-sub", name + "@kommune.test", true)))
                .map(LigevaerdUser::id).contains(account.id());
        // Later the provider sends another address, unverified: the link still finds her account.
        assertThat(signIns.signIn(identity(name + "-sub", "other-" + name + "@kommune.test", false)))
                .map(LigevaerdUser::id).contains(account.id());
        // Another subject with her address, without the provider's word for it, is not linked.
        assertThat(signIns.signIn(identity(name + "-other", name + "@kommune.test", false))).isEmpty();
        assertThat(identities.findByUserId(account.id())).hasSize(1);
    }

    @Test
    void the_same_subject_from_another_issuer_is_another_person() {
        String name = unique("ida");
        UserSummary account = accounts.register(name, "Ida", "bla-hest-tromme-7");
        address(account, name + "@kommune.test", Instant.now());
        signIns.signIn(identity(name + "-sub", name + "@kommune.test", true));

        ProviderIdentity elsewhere = new ProviderIdentity("andet", "Andet", "https://idp.example.test", name + "-sub",
                null, false, "Ida");
        assertThat(signIns.signIn(elsewhere)).isEmpty();
    }

    @Test
    void an_erased_account_loses_its_organisation_links_and_a_later_sign_in_finds_no_way_back() {
        String name = unique("uffe");
        UserSummary account = accounts.register(name, "Uffe Udtræder", "bla-hest-tromme-7");
        address(account, name + "@kommune.test", Instant.now());
        assertThat(signIns.signIn(identity(name + "-sub", name + "@kommune.test", true)))
                .map(LigevaerdUser::id).contains(account.id());

        dk.ligevaerd.support.Acting.run(account, () -> accounts.erase("bla-hest-tromme-7"));

        assertThat(identities.findByUserId(account.id())).isEmpty();
        assertThat(signIns.signIn(identity(name + "-sub", name + "@kommune.test", true))).isEmpty();
    }

    private void address(UserSummary user, String email, @Nullable Instant verifiedAt) {
        var account = users.findById(user.id()).orElseThrow();
        account.changeEmail(email, verifiedAt);
        users.save(account);
    }

    private static ProviderIdentity identity(String subject, String email, boolean verified) {
        return new ProviderIdentity("kommune", "Kommunen", ISSUER, subject, email, verified, "Navn");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
