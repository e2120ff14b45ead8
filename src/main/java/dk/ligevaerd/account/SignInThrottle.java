package dk.ligevaerd.account;

import dk.ligevaerd.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down guessing: failed logins are counted per account, per client address and per trusted
 * browser, and after a number of free failures each further one holds that key back for a growing
 * time (30 s, doubling, at most 15 minutes). Registrations are counted per address and hour.
 *
 * <p>A browser that has logged in to an account before carries a random token (a cookie; only its
 * hash is stored). Its attempts for that account count against the token alone and pass the
 * account's and the address's locks: an attacker elsewhere can hold an account back, but never
 * lock its owner out of a browser they already use.
 *
 * <p>Counts live in the database (row locks, plain SQL that H2 and PostgreSQL share), so every
 * node sees them and a restart forgets nothing.
 */
@Service
public class SignInThrottle {

    /** Failed logins an account, or a trusted browser, is allowed before it is held back. */
    public static final int FREE_ACCOUNT_FAILURES = 5;
    /** More for an address: a municipality's staff may share one address. */
    public static final int FREE_ADDRESS_FAILURES = 20;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** A key that has been quiet this long starts again from nothing. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    public static final int REGISTRATIONS_PER_ADDRESS_AND_HOUR = 5;
    public static final Duration TRUSTED_BROWSER_LIFETIME = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile @Nullable Boolean postgres;

    SignInThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
            postgres = known;
        }
        return known;
    }

    /**
     * How long a login attempt must wait, or empty when it may be tried now.
     *
     * @param browserToken the trusted-browser cookie's value, if the browser sent one
     */
    @Transactional(readOnly = true)
    public Optional<Duration> loginWait(@Nullable String username, String address, @Nullable String browserToken) {
        String account = normalize(username);
        Instant now = clock.instant();
        if (isTrusted(account, browserToken, now)) {
            return remaining(browserKey(browserToken), now);
        }
        Optional<Duration> byAccount = remaining(accountKey(account), now);
        Optional<Duration> byAddress = remaining(addressKey(address), now);
        if (byAccount.isEmpty()) {
            return byAddress;
        }
        return byAddress.isEmpty() || byAccount.get().compareTo(byAddress.get()) >= 0 ? byAccount : byAddress;
    }

    /** Counts a failed login against the trusted browser, or else against the account and the address. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void loginFailed(@Nullable String username, String address, @Nullable String browserToken) {
        String account = normalize(username);
        Instant now = clock.instant();
        if (isTrusted(account, browserToken, now)) {
            count(browserKey(browserToken), FREE_ACCOUNT_FAILURES, now, "trusted browser of account " + account);
            return;
        }
        if (!account.isEmpty()) {
            count(accountKey(account), FREE_ACCOUNT_FAILURES, now, "account " + account);
        }
        count(addressKey(address), FREE_ADDRESS_FAILURES, now, "address " + address);
    }

    /**
     * Clears the account's count and trusts the browser from now on.
     *
     * @return the new trusted-browser token, for the browser's cookie
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String loginSucceeded(String username, @Nullable String browserToken) {
        String account = normalize(username);
        Instant now = clock.instant();
        jdbc.update("delete from sign_in_throttle where throttle_key = ?", accountKey(account));
        if (browserToken != null) {
            jdbc.update("delete from sign_in_throttle where throttle_key = ?", browserKey(browserToken));
            jdbc.update("delete from trusted_browser where token_hash = ?", hash(browserToken));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into trusted_browser (token_hash, username, created_at, expires_at) values (?, ?, ?, ?)",
                hash(token), account, Timestamp.from(now), Timestamp.from(now.plus(TRUSTED_BROWSER_LIFETIME)));
        return token;
    }

    /**
     * Counts a registration from the address, refusing it when the address has made its hourly
     * number already ({@code error.register.throttled} with the minutes to wait).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
    public void registering(String address) {
        Instant now = clock.instant();
        String key = "register:" + address;
        Row row = lockOrCreate(key, now);
        Instant windowStart = row.windowStart;
        int made = row.attempts;
        if (!windowStart.plus(Duration.ofHours(1)).isAfter(now)) {
            windowStart = now;
            made = 0;
        }
        if (made >= REGISTRATIONS_PER_ADDRESS_AND_HOUR) {
            Duration wait = Duration.between(now, windowStart.plus(Duration.ofHours(1)));
            log.warn("Registration refused: address {} has registered {} accounts within the hour", address, made);
            throw new DomainException("error.register.throttled", minutes(wait));
        }
        jdbc.update("update sign_in_throttle set attempts = ?, window_start = ?, last_attempt = ? where throttle_key = ?",
                made + 1, Timestamp.from(windowStart), Timestamp.from(now), key);
    }

    /** Whole minutes, rounded up, for messages. */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** Forgets quiet counts and expired browsers, so that guesses at made-up names leave nothing behind. */
    @Scheduled(fixedDelayString = "${ligevaerd.sign-in.cleanup-interval:PT1H}")
    @Transactional
    public void forgetOld() {
        Instant now = clock.instant();
        jdbc.update("delete from sign_in_throttle where last_attempt < ? and (locked_until is null or locked_until < ?)",
                Timestamp.from(now.minus(FORGET_AFTER).minus(Duration.ofHours(1))), Timestamp.from(now));
        jdbc.update("delete from trusted_browser where expires_at < ?", Timestamp.from(now));
    }

    private void count(String key, int free, Instant now, String what) {
        Row row = lockOrCreate(key, now);
        int failures = row.lastAttempt.plus(FORGET_AFTER).isBefore(now) ? 1 : row.attempts + 1;
        Instant lockedUntil = null;
        if (failures >= free) {
            Duration delay = delayAfter(failures - free);
            lockedUntil = now.plus(delay);
            log.warn("Sign-in held back: {} has {} failed logins; next attempt in {} s", what, failures,
                    delay.toSeconds());
        }
        jdbc.update("update sign_in_throttle set attempts = ?, last_attempt = ?, locked_until = ? where throttle_key = ?",
                failures, Timestamp.from(now), lockedUntil == null ? null : Timestamp.from(lockedUntil), key);
    }

    /** 30 s after the last free failure, doubling with each further one, never more than 15 minutes. */
    static Duration delayAfter(int failuresBeyondFree) {
        if (failuresBeyondFree >= 20) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << failuresBeyondFree);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Optional<Duration> remaining(String key, Instant now) {
        List<Timestamp> until = jdbc.queryForList("select locked_until from sign_in_throttle where throttle_key = ?",
                Timestamp.class, key);
        if (until.isEmpty() || until.getFirst() == null || !until.getFirst().toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until.getFirst().toInstant()));
    }

    private boolean isTrusted(String account, @Nullable String browserToken, Instant now) {
        if (browserToken == null || browserToken.isBlank() || account.isEmpty()) {
            return false;
        }
        Integer found = jdbc.queryForObject(
                "select count(*) from trusted_browser where token_hash = ? and username = ? and expires_at > ?",
                Integer.class, hash(browserToken), account, Timestamp.from(now));
        return found != null && found > 0;
    }

    private Row lockOrCreate(String key, Instant now) {
        // The row is made in the caller's own transaction, never in a second one: a request that
        // held one pooled connection while waiting for another could, with enough of them at once,
        // empty the pool and wait for ever. Two requests may make the same row at the same moment:
        // PostgreSQL then lets the later insert do nothing (a failed statement would spoil the
        // transaction there); H2 refuses it alone and the transaction goes on.
        Timestamp at = Timestamp.from(now);
        if (postgres()) {
            jdbc.update("insert into sign_in_throttle (throttle_key, attempts, window_start, last_attempt) "
                    + "values (?, 0, ?, ?) on conflict (throttle_key) do nothing", key, at, at);
        } else {
            try {
                jdbc.update("insert into sign_in_throttle (throttle_key, attempts, window_start, last_attempt) "
                        + "select ?, 0, ?, ? where not exists (select 1 from sign_in_throttle where throttle_key = ?)",
                        key, at, at, key);
            } catch (DuplicateKeyException madeAtTheSameMoment) {
                // The other request's row is as good as ours.
            }
        }
        return jdbc.queryForObject(
                "select attempts, window_start, last_attempt from sign_in_throttle where throttle_key = ? for update",
                (rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
                key);
    }

    private record Row(int attempts, Instant windowStart, Instant lastAttempt) {
    }

    private static String normalize(@Nullable String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    private static String accountKey(String account) {
        return "account:" + account;
    }

    private static String addressKey(String address) {
        return "address:" + (address.length() > 100 ? address.substring(0, 100) : address);
    }

    private static String browserKey(String token) {
        return "browser:" + hash(token);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
