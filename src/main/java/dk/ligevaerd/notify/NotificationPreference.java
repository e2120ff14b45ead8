package dk.ligevaerd.notify;

/**
 * One person's choice for one kind of notification.
 *
 * @param enabled whether mail of this kind is sent at all
 * @param digest  whether it waits for the daily digest instead of going out at once
 */
public record NotificationPreference(NotificationKind kind, boolean enabled, boolean digest) {
}
