package dk.ligevaerd.notify;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.MailRecipient;
import dk.ligevaerd.mail.MailBody;
import dk.ligevaerd.mail.MailOutbox;
import dk.ligevaerd.mail.MailSettings;
import dk.ligevaerd.mail.OutgoingMail;
import dk.ligevaerd.shared.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one event into mail for the people it concerns, inside the transaction of the event: each
 * person with a confirmed address who has that kind switched on gets it in their language, at once
 * or as an item of their next daily digest. Every mail carries a one-click unsubscribe link.
 */
@Component
class Deliveries {

    /** The unsubscribe token of a digest switches off every kind the person gets as a digest. */
    static final String DIGEST = "DIGEST";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What one notification says, in one language.
     *
     * @param path the place in the application it leads to, such as {@code workspace/7/rounds}
     */
    record Notice(String subject, List<String> paragraphs, String linkLabel, String path) {
    }

    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final MailOutbox outbox;
    private final MailSettings mail;
    private final Clock clock;

    Deliveries(JdbcTemplate jdbc, AccountService accounts, MailOutbox outbox, MailSettings mail, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Tells these users, in the caller's transaction.
     *
     * @param workspaceLanguage the language for people who chose none for their mail
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(NotificationKind kind, String workspaceLanguage, Collection<Long> userIds,
            Function<Locale, Notice> content) {
        if (userIds.isEmpty()) {
            return;
        }
        for (MailRecipient recipient : accounts.mailRecipients(userIds).values()) {
            NotificationPreference preference = preference(recipient.userId(), kind);
            if (!preference.enabled()) {
                continue;
            }
            Locale language = language(recipient.mailLanguage(), workspaceLanguage);
            Notice notice = content.apply(language);
            if (preference.digest()) {
                keepForDigest(recipient.userId(), kind, language, notice);
            } else {
                outbox.queue(immediate(recipient, kind, language, notice));
            }
        }
    }

    static Locale language(@Nullable String chosen, String workspaceLanguage) {
        return Messages.supported(Locale.forLanguageTag(chosen != null ? chosen : workspaceLanguage));
    }

    private OutgoingMail immediate(MailRecipient recipient, NotificationKind kind, Locale language, Notice notice) {
        String unsubscribe = unsubscribeLink(recipient.userId(), kind.name());
        MailBody body = new MailBody();
        body.paragraph(Messages.get(language, "notify.mail.greeting", recipient.displayName()));
        notice.paragraphs().forEach(body::paragraph);
        body.link(notice.linkLabel(), mail.link(notice.path()));
        footer(body, language, Messages.get(language, "notify.mail.why", Messages.get(language, kind.messageKey())),
                unsubscribe);
        return new OutgoingMail(recipient.email(), notice.subject(), body, headers(unsubscribe));
    }

    void footer(MailBody body, Locale language, String why, String unsubscribe) {
        body.paragraph("—\n" + why)
                .link(Messages.get(language, "notify.mail.settings"), mail.link("notifications"))
                .link(Messages.get(language, "notify.mail.unsubscribe"), unsubscribe);
    }

    /** RFC 8058: a mail program may offer "unsubscribe" and POST to the address without asking us. */
    static Map<String, String> headers(String unsubscribe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /** A fresh random token naming this person and kind; only its hash is kept. */
    String unsubscribeLink(long userId, String kind) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("insert into unsubscribe_token (token_hash, user_id, kind, created_at) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, hash(token));
            ps.setLong(2, userId);
            ps.setString(3, kind);
            ps.setObject(4, utc(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        });
        return mail.link("unsubscribe/" + token);
    }

    private void keepForDigest(long userId, NotificationKind kind, Locale language, Notice notice) {
        String summary = String.join("\n\n", notice.paragraphs());
        jdbc.update("insert into notification_digest_item (user_id, kind, language, subject, summary, link,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, userId);
                    ps.setString(2, kind.name());
                    ps.setString(3, language.getLanguage());
                    ps.setString(4, cut(notice.subject(), 300));
                    ps.setString(5, cut(summary, 2000));
                    ps.setString(6, cut(mail.link(notice.path()), 1000));
                    ps.setObject(7, utc(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
                });
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    NotificationPreference preference(long userId, NotificationKind kind) {
        List<NotificationPreference> stored = jdbc.query("select enabled, digest from notification_preference"
                + " where user_id = ? and kind = ?", (rs, n) -> new NotificationPreference(kind, rs.getBoolean(1),
                        rs.getBoolean(2)), userId, kind.name());
        return stored.isEmpty() ? new NotificationPreference(kind, true, false) : stored.getFirst();
    }

    void store(long userId, NotificationPreference preference) {
        int updated = jdbc.update("update notification_preference set enabled = ?, digest = ? where user_id = ?"
                + " and kind = ?", preference.enabled(), preference.digest(), userId, preference.kind().name());
        if (updated == 0) {
            jdbc.update("insert into notification_preference (user_id, kind, enabled, digest) values (?, ?, ?, ?)",
                    userId, preference.kind().name(), preference.enabled(), preference.digest());
        }
    }

    static OffsetDateTime utc(Instant instant) {
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
}
