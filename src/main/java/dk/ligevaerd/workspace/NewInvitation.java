package dk.ligevaerd.workspace;

/** A freshly made invitation with its secret token; the token is shown once and never stored. */
public record NewInvitation(InvitationView invitation, String token) {

    public String path() {
        return "invite/" + token;
    }
}
