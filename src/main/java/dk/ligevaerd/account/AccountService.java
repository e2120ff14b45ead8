package dk.ligevaerd.account;

import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.account.domain.UserAccountRepository;
import dk.ligevaerd.mail.MailBody;
import dk.ligevaerd.mail.MailOutbox;
import dk.ligevaerd.mail.MailSettings;
import dk.ligevaerd.mail.OutgoingMail;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
    /** How long a link to confirm an address works. */
    public static final Duration EMAIL_CONFIRMATION_VALIDITY = Duration.ofHours(24);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final JdbcTemplate jdbc;
    private final MailOutbox outbox;
    private final MailSettings mailSettings;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock, SignInThrottle throttle,
            List<PersonalData> personalData, CurrentUser currentUser, ApplicationEventPublisher events,
            JdbcTemplate jdbc, MailOutbox outbox, MailSettings mailSettings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.mailSettings = mailSettings;
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
        // Addresses the person asked to confirm are theirs too.
        jdbc.update("delete from email_confirmation where user_id = ?", me);
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

    // ---- the person's own e-mail address ----------------------------------------------------------

    /** The caller's address, the one waiting for confirmation, and the language they want mail in. */
    @Transactional(readOnly = true)
    public AccountEmail myEmail() {
        UserAccount me = users.findById(currentUser.id()).orElseThrow(() -> new DomainException("error.loginRequired"));
        List<String> pending = jdbc.queryForList("select email from email_confirmation where user_id = ?"
                + " and used_at is null and expires_at > ? order by id desc", String.class, me.id(),
                utc(clock.instant()));
        return new AccountEmail(me.emailVerifiedAt() == null ? null : me.email(),
                pending.isEmpty() ? null : pending.getFirst(), me.mailLanguage());
    }

    /**
     * Mails a single-use confirmation link to the address the caller gave, in the language of the
     * page they gave it on. The address becomes theirs only once the link is used; an address that
     * another account holds is refused without saying whose.
     */
    @Transactional
    public void requestEmail(String address, Locale language) {
        long me = currentUser.id();
        String email = UserAccount.normalizeEmail(address);
        if (email == null) {
            throw new DomainException("error.mail.address");
        }
        OutgoingMail.address(email);
        requireFree(email, me);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        // A new request replaces an older link: only the latest address can be confirmed.
        jdbc.update("update email_confirmation set used_at = ? where user_id = ? and used_at is null", utc(now), me);
        jdbc.update("insert into email_confirmation (user_id, email, token_hash, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, me);
                    ps.setString(2, email);
                    ps.setString(3, hash(token));
                    ps.setObject(4, utc(now), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(5, utc(now.plus(EMAIL_CONFIRMATION_VALIDITY)), Types.TIMESTAMP_WITH_TIMEZONE);
                });
        Locale lang = Messages.supported(language);
        String name = currentUser.require().displayName();
        MailBody body = new MailBody()
                .paragraph(Messages.get(lang, "mail.confirmEmail.intro", name))
                .link(Messages.get(lang, "mail.confirmEmail.confirm"), mailSettings.link("confirm-email/" + token))
                .paragraph(Messages.get(lang, "mail.confirmEmail.expires", EMAIL_CONFIRMATION_VALIDITY.toHours()))
                .paragraph(Messages.get(lang, "mail.confirmEmail.unexpected"));
        outbox.queue(new OutgoingMail(email, Messages.get(lang, "mail.confirmEmail.subject"), body));
    }

    private void requireFree(String email, long me) {
        Optional<UserAccount> holder = users.findByEmail(email);
        if (holder.isPresent() && holder.get().id() != me) {
            throw new DomainException("error.email.taken");
        }
    }

    /**
     * Uses a confirmation link: the address becomes the account's, confirmed. The link is the
     * credential, so whoever opened the mail may use it, logged in or not; it works once.
     *
     * @return the confirmed address
     */
    @Transactional
    public String confirmEmail(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new DomainException("error.email.link");
        }
        record Pending(long id, long userId, String email, Instant expiresAt) {
        }
        List<Pending> found = jdbc.query("select id, user_id, email, expires_at from email_confirmation"
                + " where token_hash = ? and used_at is null", (rs, n) -> new Pending(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()), hash(token));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.getFirst().expiresAt().isAfter(now)) {
            throw new DomainException("error.email.link");
        }
        Pending pending = found.getFirst();
        // Conditional: of two uses at the same moment, only one finds the link unused.
        if (jdbc.update("update email_confirmation set used_at = ? where id = ? and used_at is null", utc(now),
                pending.id()) != 1) {
            throw new DomainException("error.email.link");
        }
        requireFree(pending.email(), pending.userId());
        UserAccount account = users.findById(pending.userId()).orElseThrow(() -> new DomainException("error.email.link"));
        account.changeEmail(pending.email(), now);
        try {
            users.saveAndFlush(account);
        } catch (DataIntegrityViolationException confirmedElsewhereAtTheSameMoment) {
            throw new DomainException("error.email.taken");
        }
        return pending.email();
    }

    /** The caller no longer receives mail: their address and any pending link are gone. */
    @Transactional
    public void removeEmail() {
        UserAccount me = users.findById(currentUser.id()).orElseThrow(() -> new DomainException("error.loginRequired"));
        me.changeEmail(null, null);
        jdbc.update("update email_confirmation set used_at = ? where user_id = ? and used_at is null",
                utc(clock.instant()), me.id());
    }

    /** The language the caller wants mail in: "da", "en", or null for each workspace's own. */
    @Transactional
    public void setMailLanguage(@Nullable String language) {
        UserAccount me = users.findById(currentUser.id()).orElseThrow(() -> new DomainException("error.loginRequired"));
        if (language != null && !language.equals("da") && !language.equals("en")) {
            throw new DomainException("error.language");
        }
        me.changeMailLanguage(language);
    }

    /**
     * For a feature mailing people, inside its own transaction (which decided whom to tell): the
     * given users that have a confirmed address. Users without one are left out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, MailRecipient> mailRecipients(Collection<Long> userIds) {
        return users.findAllById(userIds).stream()
                .filter(u -> u.email() != null && u.emailVerifiedAt() != null)
                .collect(Collectors.toMap(UserAccount::id, u -> new MailRecipient(u.id(), u.displayName(),
                        java.util.Objects.requireNonNull(u.email()), u.mailLanguage())));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
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
