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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one event into mail for the people it concerns: each person with a confirmed address who
 * has that kind switched on gets it in their language, at once or as an item of their next daily
 * digest. Every mail carries a one-click unsubscribe link. Composed inside the transaction of the
 * event, or for many people right after its commit from a row written in it ({@link NotificationIntents}).
 */
@Component
class Deliveries {

    /**
     * The unsubscribe token of a digest sent before digests named their kinds: it switches off every
     * kind the person gets as a digest when the link is used.
     */
    static final String DIGEST = "DIGEST";

    /** The prefix of a digest's unsubscribe token that names the kinds it switches off ({@link #digestToken}). */
    static final String DIGEST_OF = "DIGEST:";

    /** What a digest's unsubscribe token names: exactly these kinds, those the mail said it stops. */
    static String digestToken(Collection<NotificationKind> kinds) {
        return DIGEST_OF + String.join(",", kinds.stream().map(NotificationKind::name).toList());
    }

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
    private final NotifySettings settings;
    /** Asked for when used: the intents compose their mails through this class in turn. */
    private final ObjectProvider<NotificationIntents> intents;

    Deliveries(JdbcTemplate jdbc, AccountService accounts, MailOutbox outbox, MailSettings mail, Clock clock,
            NotifySettings settings, ObjectProvider<NotificationIntents> intents) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
        this.settings = settings;
        this.intents = intents;
    }

    /**
     * Tells these users, in the caller's transaction: the mails (or digest items) themselves for a
     * few people; for many, a {@link NotificationIntents row} that is turned into their mails right
     * after the commit, so that the event's own transaction (closing a round for thousands of members)
     * stays short. Either way what is to be said is committed with the event, or not at all.
     *
     * @param workspaceLanguage the language for people who chose none for their mail
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(NotificationKind kind, long workspaceId, String workspaceLanguage, Collection<Long> userIds,
            Function<Locale, Notice> content) {
        if (userIds.isEmpty()) {
            return;
        }
        if (userIds.size() > settings.composeAfterCommitOver()) {
            intents.getObject().write(kind, workspaceId, workspaceLanguage, userIds, content);
        } else {
            compose(kind, workspaceId, workspaceLanguage, userIds, content);
        }
    }

    /** The mails and digest items of one notification, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void compose(NotificationKind kind, long workspaceId, String workspaceLanguage, Collection<Long> userIds,
            Function<Locale, Notice> content) {
        Collection<MailRecipient> recipients = accounts.mailRecipients(userIds).values();
        Map<Long, NotificationPreference> chosen = preferences(recipients.stream().map(MailRecipient::userId).toList(),
                kind);
        // The same words for everyone who reads a language: made once per language, not per person.
        Map<Locale, Notice> notices = new HashMap<>();
        List<OutgoingMail> mails = new ArrayList<>();
        List<Object[]> tokens = new ArrayList<>();
        for (MailRecipient recipient : recipients) {
            NotificationPreference preference = chosen.getOrDefault(recipient.userId(),
                    new NotificationPreference(kind, true, false));
            if (!preference.enabled()) {
                continue;
            }
            Locale language = language(recipient.mailLanguage(), workspaceLanguage);
            Notice notice = notices.computeIfAbsent(language, content);
            if (preference.digest()) {
                keepForDigest(recipient.userId(), kind, language, notice);
            } else {
                mails.add(immediate(recipient, kind, language, notice, tokens).about(workspaceId, kind.name()));
            }
        }
        // In batches, so that a round closed for thousands of members stays a short transaction.
        if (!tokens.isEmpty()) {
            jdbc.batchUpdate("insert into unsubscribe_token (token_hash, user_id, kind, created_at) values (?, ?, ?, ?)",
                    tokens, 500, (ps, token) -> {
                        ps.setString(1, (String) token[0]);
                        ps.setLong(2, (Long) token[1]);
                        ps.setString(3, (String) token[2]);
                        ps.setObject(4, token[3], Types.TIMESTAMP_WITH_TIMEZONE);
                    });
        }
        outbox.queueAll(mails);
    }

    /** The choices of these people for one kind, read at once; someone with no row has the default. */
    private Map<Long, NotificationPreference> preferences(List<Long> userIds, NotificationKind kind) {
        Map<Long, NotificationPreference> found = new HashMap<>();
        for (int from = 0; from < userIds.size(); from += 1000) {
            List<Long> slice = userIds.subList(from, Math.min(userIds.size(), from + 1000));
            List<Object> args = new ArrayList<>(slice);
            args.add(kind.name());
            jdbc.query("select user_id, enabled, digest from notification_preference where user_id in ("
                    + String.join(",", java.util.Collections.nCopies(slice.size(), "?")) + ") and kind = ?",
                    rs -> {
                        found.put(rs.getLong(1), new NotificationPreference(kind, rs.getBoolean(2), rs.getBoolean(3)));
                    }, args.toArray());
        }
        return found;
    }

    static Locale language(@Nullable String chosen, String workspaceLanguage) {
        return Messages.supported(Locale.forLanguageTag(chosen != null ? chosen : workspaceLanguage));
    }

    private OutgoingMail immediate(MailRecipient recipient, NotificationKind kind, Locale language, Notice notice,
            List<Object[]> tokens) {
        String unsubscribe = unsubscribeLink(recipient.userId(), kind.name(), tokens);
        MailBody body = new MailBody();
        body.paragraph(Messages.get(language, "notify.mail.greeting", recipient.displayName()));
        notice.paragraphs().forEach(body::paragraph);
        body.link(notice.linkLabel(), mail.link(notice.path()));
        footer(body, language, Messages.get(language, "notify.mail.why", Messages.get(language, kind.messageKey())),
                unsubscribe);
        return new OutgoingMail(recipient.email(), notice.subject(), body, headers(unsubscribe));
    }

    String settingsLink() {
        return mail.link("notifications");
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
        List<Object[]> tokens = new ArrayList<>();
        String link = unsubscribeLink(userId, kind, tokens);
        Object[] token = tokens.getFirst();
        jdbc.update("insert into unsubscribe_token (token_hash, user_id, kind, created_at) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, (String) token[0]);
            ps.setLong(2, userId);
            ps.setString(3, kind);
            ps.setObject(4, token[3], Types.TIMESTAMP_WITH_TIMEZONE);
        });
        return link;
    }

    /** The link, with the token's row (hash, person, kind, time) added to {@code tokens} for the caller to store. */
    private String unsubscribeLink(long userId, String kind, List<Object[]> tokens) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.add(new Object[] {hash(token), userId, kind, utc(clock.instant())});
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
