package dk.ligevaerd.account;

import dk.ligevaerd.account.domain.OrganisationIdentity;
import dk.ligevaerd.account.domain.OrganisationIdentityRepository;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.account.domain.UserAccountRepository;
import dk.ligevaerd.shared.DomainException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in with an organisation's account (OpenID Connect, docs/sign-in.md). The provider names a
 * person by issuer and subject; the first sign-in ties that pair to an account for good: to an
 * existing account only when the provider vouches for the address ({@code email_verified}) and the
 * account has proved the same address itself, otherwise to a new account for which the person
 * chooses only the display name.
 */
@Service
public class OrganisationSignInService {

    /** Where someone new from an organisation chooses their display name ({@code ui.OrganisationNameView}). */
    public static final String NAME_PAGE = "sign-in/name";

    private static final Logger log = LoggerFactory.getLogger(OrganisationSignInService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository users;
    private final OrganisationIdentityRepository identities;
    private final AccountService accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    OrganisationSignInService(UserAccountRepository users, OrganisationIdentityRepository identities,
            AccountService accounts, PasswordEncoder passwordEncoder, Clock clock,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.users = users;
        this.identities = identities;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.registrations = registrations;
    }

    /** The organisations configured for sign-in, by name; none when none is configured. Anyone may ask. */
    public List<SignInProvider> providers() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        List<SignInProvider> found = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration && AuthorizationGrantType.AUTHORIZATION_CODE
                        .equals(registration.getAuthorizationGrantType())) {
                    found.add(new SignInProvider(registration.getRegistrationId(), registration.getClientName()));
                }
            }
        }
        found.sort(Comparator.comparing(SignInProvider::name, String.CASE_INSENSITIVE_ORDER));
        return found;
    }

    /**
     * The account this identity signs in to, linking it on its first sign-in when the rules allow;
     * empty when the person needs a new account. Called by the login itself, before anyone is
     * logged in: the identity comes from an ID token Spring Security has checked.
     */
    @Transactional
    Optional<LigevaerdUser> signIn(ProviderIdentity identity) {
        Optional<OrganisationIdentity> linked = identities.findByIssuerAndSubject(identity.issuer(), identity.subject());
        if (linked.isPresent()) {
            // An erased account signs in no more (its links go with the erasure; this also holds for a
            // link made at the same moment).
            return users.findById(linked.get().userId()).filter(u -> u.erasedAt() == null)
                    .map(OrganisationSignInService::principal);
        }
        String email = verifiedAddress(identity);
        if (email == null) {
            return Optional.empty();
        }
        Optional<UserAccount> same = users.findByEmail(email).filter(u -> u.emailVerifiedAt() != null);
        if (same.isEmpty()) {
            return Optional.empty();
        }
        UserAccount account = same.get();
        try {
            identities.saveAndFlush(new OrganisationIdentity(identity.issuer(), identity.subject(), account.id(),
                    clock.instant()));
        } catch (DataIntegrityViolationException linkedAtTheSameMoment) {
            // Two sign-ins of the same person at once: the other one made the link.
            return Optional.of(principal(account));
        }
        log.info("Organisation sign-in from {} linked to account {} by its verified address", identity.issuer(),
                account.id());
        return Optional.of(principal(account));
    }

    /**
     * What the name page shows: the organisation account waiting in this browser's session for a
     * display name; empty when none waits. Anyone may ask; only their own session is read.
     */
    public Optional<NewOrganisationAccount> pending() {
        return PendingSignIn.find().map(p -> new NewOrganisationAccount(p.registrationId(), p.providerName(),
                p.email(), p.emailVerified(), suggestedName(p)));
    }

    /**
     * Creates the account for the organisation account waiting in this browser's session, with the
     * chosen display name, and ties the identity to it. The caller then signs in with the provider
     * once more, which now finds the account. Refused when nothing waits (the credential is the
     * identity the provider vouched for, kept server-side in the session).
     */
    @Transactional
    public UserSummary createAccount(String displayName) {
        ProviderIdentity identity = PendingSignIn.find()
                .orElseThrow(() -> new DomainException("error.signIn.expired"));
        Optional<OrganisationIdentity> linked = identities.findByIssuerAndSubject(identity.issuer(), identity.subject());
        if (linked.isPresent()) {
            // Pressed twice, or in two tabs: the first press made the account.
            PendingSignIn.clear();
            return users.findById(linked.get().userId()).map(OrganisationSignInService::summary)
                    .orElseThrow(() -> new DomainException("error.signIn.expired"));
        }
        Instant now = clock.instant();
        // Nobody knows this password: the account signs in through its organisation only.
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        UserAccount account = new UserAccount(accounts.freeNameFor(usernameBase(identity, displayName)), displayName,
                passwordEncoder.encode(Base64.getEncoder().encodeToString(secret)), now);
        String email = safeAddress(identity.email());
        // The address stays with the account that holds it already; an unverified one is kept unproven.
        if (email != null && !users.existsByEmail(email)) {
            account.changeEmail(email, identity.emailVerified() ? now : null);
        }
        try {
            account = users.saveAndFlush(account);
            identities.saveAndFlush(new OrganisationIdentity(identity.issuer(), identity.subject(), account.id(), now));
        } catch (DataIntegrityViolationException drawnAtTheSameMoment) {
            throw new DomainException("error.register.retry");
        }
        PendingSignIn.clear();
        log.info("Organisation sign-in from {} made new account {}", identity.issuer(), account.id());
        return summary(account);
    }

    private static @Nullable String verifiedAddress(ProviderIdentity identity) {
        return identity.emailVerified() ? safeAddress(identity.email()) : null;
    }

    private static @Nullable String safeAddress(@Nullable String email) {
        try {
            return UserAccount.normalizeEmail(email);
        } catch (DomainException notAnAddress) {
            return null;
        }
    }

    private static String suggestedName(ProviderIdentity identity) {
        String name = identity.name() == null ? "" : identity.name().strip();
        if (name.length() > UserAccount.DISPLAY_NAME_MAX_LENGTH) {
            name = name.substring(0, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        }
        return name;
    }

    /**
     * A username to draw a number for, from the address's local part or else the display name,
     * in the characters usernames allow ("Søren Ærø" becomes "soeren.aeroe"). Nobody types it:
     * these accounts sign in through their organisation.
     */
    static String usernameBase(ProviderIdentity identity, String displayName) {
        String email = safeAddress(identity.email());
        String fromEmail = email == null ? "" : plain(email.substring(0, email.indexOf('@')));
        if (fromEmail.length() >= UserAccount.USERNAME_MIN_LENGTH) {
            return fromEmail;
        }
        String fromName = plain(displayName);
        return fromName.length() >= UserAccount.USERNAME_MIN_LENGTH ? fromName : "bruger";
    }

    private static String plain(String text) {
        String folded = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        folded = folded.replaceAll("\\s+", ".").replaceAll("[^a-z0-9._-]", "").replaceAll("^[^a-z0-9]+", "");
        if (folded.length() > UserAccount.REQUESTED_USERNAME_MAX_LENGTH) {
            folded = folded.substring(0, UserAccount.REQUESTED_USERNAME_MAX_LENGTH);
        }
        return folded;
    }

    private static LigevaerdUser principal(UserAccount account) {
        return new LigevaerdUser(account.id(), account.username(), account.displayName(), account.passwordHash());
    }

    private static UserSummary summary(UserAccount account) {
        return new UserSummary(account.id(), account.username(), account.displayName());
    }
}
