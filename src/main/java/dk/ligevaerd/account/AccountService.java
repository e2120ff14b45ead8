package dk.ligevaerd.account;

import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.account.domain.UserAccountRepository;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

@Service
public class AccountService implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final List<PersonalData> personalData;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The personal-data download's format; see docs/personal-data.md. */
    public static final int PERSONAL_DATA_FORMAT_VERSION = 1;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock, SignInThrottle throttle,
            List<PersonalData> personalData, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.users = users;
        this.personalData = personalData.stream().sorted(Comparator.comparingInt(PersonalData::order)).toList();
        this.currentUser = currentUser;
        this.events = events;
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Creates an account; anyone may do this, joining a workspace still takes an invitation. The
     * username is the one asked for with a drawn number added ("anna" becomes "anna.4821"), so
     * the answer is the same whether or not someone already uses the name asked for: registration
     * cannot be used to find out who has an account.
     */
    @Transactional
    public UserSummary register(String username, String displayName, String password) {
        String base = UserAccount.requestedUsername(username);
        UserAccount.checkPassword(password);
        return create(freeNameFor(base), displayName, password);
    }

    /**
     * {@link #register} for a person at the registration page: at most a few accounts per client
     * address and hour ({@link SignInThrottle}), counted once the input has passed its checks.
     */
    @Transactional
    public UserSummary registerFrom(String clientAddress, String username, String displayName, String password) {
        UserAccount.requestedUsername(username);
        UserAccount.checkPassword(password);
        new UserAccount("check", displayName, "", clock.instant());
        throttle.registering(clientAddress);
        return register(username, displayName, password);
    }

    /** Creates an account with exactly this name and without the password rules: only for the demo workspace. */
    @Transactional
    public UserSummary registerDemoAccount(String username, String displayName, String password) {
        String normalized = UserAccount.normalizeUsername(username);
        if (users.existsByUsername(normalized)) {
            throw new IllegalStateException("the demo account " + normalized + " exists already");
        }
        return create(normalized, displayName, password);
    }

    /** The base with a drawn number that no account has yet: four digits, six if those seem used up. */
    String freeNameFor(String base) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int digits = attempt < 20 ? 4 : 6;
            int low = digits == 4 ? 1_000 : 100_000;
            String candidate = base + "." + (low + RANDOM.nextInt(9 * low));
            if (!users.existsByUsername(candidate)) {
                return candidate;
            }
        }
        throw new DomainException("error.register.retry");
    }

    private UserSummary create(String username, String displayName, String password) {
        UserAccount account = new UserAccount(username, displayName, passwordEncoder.encode(password), clock.instant());
        try {
            return summary(users.saveAndFlush(account));
        } catch (DataIntegrityViolationException drawnAtTheSameMoment) {
            throw new DomainException("error.register.retry");
        }
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT)).map(AccountService::summary);
    }

    /** Display data for the given users, for other features' views. */
    @Transactional(readOnly = true)
    public Map<Long, UserSummary> summaries(Collection<Long> ids) {
        return users.findAllById(ids).stream().map(AccountService::summary)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public boolean hasAnyAccount() {
        return users.count() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(u -> u.erasedAt() == null)
                .map(u -> new LigevaerdUser(u.id(), u.username(), u.displayName(), u.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * Everything the application holds about the logged-in person, as JSON (docs/personal-data.md):
     * their account, then each feature's part ({@link PersonalData}).
     */
    @Transactional(readOnly = true)
    public void writePersonalData(OutputStream out) {
        long me = currentUser.id();
        UserAccount account = users.findById(me).orElseThrow(() -> new DomainException("error.loginRequired"));
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", "ligevaerd-personal-data");
            json.writeNumberProperty("formatVersion", PERSONAL_DATA_FORMAT_VERSION);
            json.writeStringProperty("exportedAt", clock.instant().toString());
            json.writeName("account");
            json.writeStartObject();
            json.writeNumberProperty("id", account.id());
            json.writeStringProperty("username", account.username());
            json.writeStringProperty("displayName", account.displayName());
            json.writeStringProperty("email", account.email());
            json.writeStringProperty("emailVerifiedAt",
                    account.emailVerifiedAt() == null ? null : account.emailVerifiedAt().toString());
            json.writeStringProperty("createdAt", account.createdAt().toString());
            json.writeEndObject();
            for (PersonalData part : personalData) {
                json.writeName(part.section());
                part.writeJson(me, json);
            }
            json.writeEndObject();
        }
    }

    /**
     * Erases the logged-in person's account (docs/personal-data.md). They confirm by typing their
     * username or their password. Every feature may refuse first (a side would be left without a
     * moderator, a ballot of theirs waits in an open round); then each removes or pseudonymises
     * what it holds, and the account loses its name, e-mail, password and login. Their sessions on
     * this node end once this has been committed.
     *
     * @return the number of the pseudonym now shown in their place
     */
    @Transactional
    public int erase(String confirmation) {
        long me = currentUser.id();
        UserAccount account = users.lockById(me).orElseThrow(() -> new DomainException("error.loginRequired"));
        if (account.erasedAt() != null) {
            throw new DomainException("error.erase.already");
        }
        String typed = confirmation.strip();
        boolean confirmed = typed.toLowerCase(java.util.Locale.ROOT).equals(account.username())
                || (!confirmation.isEmpty() && !account.passwordHash().isEmpty()
                        && passwordEncoder.matches(confirmation, account.passwordHash()));
        if (!confirmed) {
            throw new DomainException("error.erase.confirmation");
        }
        personalData.forEach(part -> part.checkErasable(me));
        personalData.forEach(part -> part.erase(me));
        int number = users.maxFormerMemberNo() + 1;
        account.erase(number, clock.instant());
        try {
            users.saveAndFlush(account);
        } catch (DataIntegrityViolationException erasedAtTheSameMoment) {
            throw new DomainException("error.erase.retry");
        }
        events.publishEvent(new AccountErased(me, number));
        return number;
    }

    private static UserSummary summary(UserAccount account) {
        if (account.erasedAt() != null) {
            // Translated as it is shown, so each reader sees it in their own language.
            return new UserSummary(account.id(), account.username(),
                    Messages.get(Messages.displayLocale(), "account.formerMember",
                            String.valueOf(account.formerMemberNo())), true);
        }
        return new UserSummary(account.id(), account.username(), account.displayName());
    }

    List<UserSummary> all() {
        return users.findAll().stream().map(AccountService::summary).toList();
    }
}
