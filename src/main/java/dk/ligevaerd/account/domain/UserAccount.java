package dk.ligevaerd.account.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Someone who can log in. Which workspaces they belong to is the workspace feature's business. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    public static final int USERNAME_MIN_LENGTH = 3;
    public static final int USERNAME_MAX_LENGTH = 40;
    /** What a person may ask for: registration adds a dot and up to six drawn digits. */
    public static final int REQUESTED_USERNAME_MAX_LENGTH = USERNAME_MAX_LENGTH - 7;
    public static final int DISPLAY_NAME_MAX_LENGTH = 80;
    public static final int PASSWORD_MIN_LENGTH = 8;
    /** The longest address SMTP carries (RFC 5321: 256 octets in the path, less the brackets). */
    public static final int EMAIL_MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+\\.[^@\\s\\p{Cntrl}<>,;\".]+");
    /** bcrypt reads no further; counted in UTF-8 bytes, see {@link #checkPassword}. */
    public static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = USERNAME_MAX_LENGTH)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = EMAIL_MAX_LENGTH)
    private @Nullable String email;

    @Column(name = "email_verified_at")
    private @Nullable Instant emailVerifiedAt;

    @Column(name = "erased_at")
    private @Nullable Instant erasedAt;

    @Column(name = "former_member_no")
    private @Nullable Integer formerMemberNo;

    @Column(name = "mail_language", length = 2)
    private @Nullable String mailLanguage;

    protected UserAccount() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    public UserAccount(String username, String displayName, String passwordHash, Instant createdAt) {
        this.username = normalizeUsername(username);
        this.displayName = Text.required(displayName, DISPLAY_NAME_MAX_LENGTH, "field.displayName");
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** Usernames are compared without regard to case, so "Anna" and "anna" are one account. */
    public static String normalizeUsername(@Nullable String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (value.length() < USERNAME_MIN_LENGTH || value.length() > USERNAME_MAX_LENGTH
                || !USERNAME.matcher(value).matches()) {
            throw new DomainException("error.username.format", USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH);
        }
        return value;
    }

    /** The name a person asks for at registration, before a number is drawn for it. */
    public static String requestedUsername(@Nullable String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (value.length() < USERNAME_MIN_LENGTH || value.length() > REQUESTED_USERNAME_MAX_LENGTH
                || !USERNAME.matcher(value).matches()) {
            throw new DomainException("error.username.format", USERNAME_MIN_LENGTH, REQUESTED_USERNAME_MAX_LENGTH);
        }
        return value;
    }

    /**
     * Checks a chosen password; demo accounts are created without this check. The length is
     * counted in characters for the minimum and in UTF-8 bytes for the maximum, since bcrypt reads
     * only the first 72 bytes (æ, ø and å take two each, many emoji four).
     */
    public static void checkPassword(@Nullable String password) {
        if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            throw new DomainException("error.password.length", PASSWORD_MIN_LENGTH, PASSWORD_MAX_BYTES);
        }
        if (Text.forbiddenCharacterAt(password) >= 0) {
            // A lone surrogate has no UTF-8 form: bcrypt would hash a replacement character instead.
            throw new DomainException("error.password.characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new DomainException("error.password.tooLong", PASSWORD_MAX_BYTES);
        }
        if (CommonPasswords.contains(password)) {
            throw new DomainException("error.password.common");
        }
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The account's address in lower case, or null when the person gave none. */
    public @Nullable String email() {
        return email;
    }

    /** When the person proved they receive mail at {@link #email()}; null while unproven. */
    public @Nullable Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    /**
     * Sets (or, with a blank address, removes) the account's address. {@code verifiedAt} is null for
     * an address the person typed and has not yet confirmed.
     */
    public void changeEmail(@Nullable String address, @Nullable Instant verifiedAt) {
        String value = normalizeEmail(address);
        this.email = value;
        this.emailVerifiedAt = value == null ? null : verifiedAt;
    }

    /** The language ("da" or "en") the person wants mail in; null: each workspace's language. */
    public @Nullable String mailLanguage() {
        return mailLanguage;
    }

    public void changeMailLanguage(@Nullable String language) {
        if (language != null && !language.equals("da") && !language.equals("en")) {
            throw new IllegalArgumentException("not a supported language: " + language);
        }
        this.mailLanguage = language;
    }

    /** Lower case, trimmed; null for blank; refused when it cannot be an address. */
    public static @Nullable String normalizeEmail(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String value = address.strip().toLowerCase(Locale.ROOT);
        if (value.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(value).matches()) {
            throw new DomainException("error.mail.address");
        }
        return value;
    }

    /** When the person erased the account; null while it is in use. */
    public @Nullable Instant erasedAt() {
        return erasedAt;
    }

    /** The number of the pseudonym shown in the person's place once erased ("Former member 7"). */
    public @Nullable Integer formerMemberNo() {
        return formerMemberNo;
    }

    /**
     * Erases what identifies the person: name, username, e-mail and password. The row stays, under a
     * username no registration can produce (registration always adds a dot and digits), so that
     * what the person did keeps an author, shown as "Former member {@code number}".
     */
    public void erase(int number, Instant at) {
        if (erasedAt != null) {
            throw new DomainException("error.erase.already");
        }
        this.formerMemberNo = number;
        this.erasedAt = at;
        this.username = "erased-" + number;
        this.displayName = "";
        // Matches no password: bcrypt refuses a hash of the wrong form, and login refuses erased accounts anyway.
        this.passwordHash = "";
        this.email = null;
        this.emailVerifiedAt = null;
    }
}
