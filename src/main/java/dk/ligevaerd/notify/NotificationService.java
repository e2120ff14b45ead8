package dk.ligevaerd.notify;

import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notification settings, and the one-click unsubscribe that works without logging in:
 * there the link's token is the credential, and it names one person and what to switch off.
 */
@Service
public class NotificationService {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Deliveries deliveries;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;

    NotificationService(Deliveries deliveries, CurrentUser currentUser, JdbcTemplate jdbc) {
        this.deliveries = deliveries;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** The caller's choice for every kind; a kind never chosen is on and sent at once. */
    @Transactional(readOnly = true)
    public List<NotificationPreference> preferences() {
        long me = currentUser.id();
        return Arrays.stream(NotificationKind.values()).map(kind -> deliveries.preference(me, kind)).toList();
    }

    @Transactional
    public void setPreference(NotificationKind kind, boolean enabled, boolean digest) {
        deliveries.store(currentUser.id(), new NotificationPreference(kind, enabled, digest));
    }

    private record Target(long userId, String kind) {
    }

    private Target target(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new DomainException("error.unsubscribe.link");
        }
        List<Target> found = jdbc.query("select user_id, kind from unsubscribe_token where token_hash = ?",
                (rs, n) -> new Target(rs.getLong(1), rs.getString(2)), Deliveries.hash(token));
        if (found.isEmpty()) {
            throw new DomainException("error.unsubscribe.link");
        }
        return found.getFirst();
    }

    /**
     * What an unsubscribe link switches off, for the page that asks to confirm: one kind, or (from a
     * digest) the kinds the digest named; a digest's link from before digests named them switches
     * off every kind the person gets as a digest. Anyone holding the link may ask.
     */
    @Transactional(readOnly = true)
    public List<NotificationKind> unsubscribeKinds(String token) {
        Target target = target(token);
        if (target.kind().startsWith(Deliveries.DIGEST_OF)) {
            List<String> named = List.of(target.kind().substring(Deliveries.DIGEST_OF.length()).split(","));
            return Arrays.stream(NotificationKind.values()).filter(kind -> named.contains(kind.name())).toList();
        }
        if (!Deliveries.DIGEST.equals(target.kind())) {
            return List.of(NotificationKind.valueOf(target.kind()));
        }
        return Arrays.stream(NotificationKind.values())
                .filter(kind -> deliveries.preference(target.userId(), kind).digest()).toList();
    }

    /**
     * Switches off what the link names (RFC 8058 one-click, or the confirm button of the page).
     * Repeating it changes nothing more; a link that is not one of ours is refused and changes nothing.
     */
    @Transactional
    public List<NotificationKind> unsubscribe(String token) {
        Target target = target(token);
        List<NotificationKind> kinds = unsubscribeKinds(token);
        for (NotificationKind kind : kinds) {
            NotificationPreference now = deliveries.preference(target.userId(), kind);
            deliveries.store(target.userId(), new NotificationPreference(kind, false, now.digest()));
        }
        return kinds;
    }
}
