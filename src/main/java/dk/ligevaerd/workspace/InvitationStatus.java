package dk.ligevaerd.workspace;

public enum InvitationStatus {
    PENDING, USED, EXPIRED, REVOKED;

    public String messageKey() {
        return "invitation.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
