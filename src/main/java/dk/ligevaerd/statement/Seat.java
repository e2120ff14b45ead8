package dk.ligevaerd.statement;

import dk.ligevaerd.workspace.Member;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A member's place at one statement's live editor: membership, side and role are checked once, when
 * the editor connects ({@link CollabService#seat}), rather than on every message. The seat is taken
 * back as soon as that standing changes — the member is removed, or moves to another side or role —
 * and whoever holds it is told, so a connection can never act on a standing its user no longer has.
 */
public final class Seat {

    /** Why a seat was taken back. */
    public enum Ending {
        /** The member is no longer a member of the workspace. */
        REMOVED,
        /** The member is still a member, with another side or role: a new seat shows the new standing. */
        CHANGED
    }

    private final Member member;
    private final Consumer<Ending> onRevoked;
    private final AtomicBoolean revoked = new AtomicBoolean();

    Seat(Member member, Consumer<Ending> onRevoked) {
        this.member = member;
        this.onRevoked = onRevoked;
    }

    /** The standing the seat was given for. */
    public Member member() {
        return member;
    }

    public long workspaceId() {
        return member.workspaceId();
    }

    /** Whether the seat was taken back; every later call with it is refused. */
    public boolean revoked() {
        return revoked.get();
    }

    /** Takes the seat back, telling its holder once. */
    void revoke(Ending ending) {
        if (revoked.compareAndSet(false, true)) {
            onRevoked.accept(ending);
        }
    }

    @Override
    public String toString() {
        return "Seat[workspace=" + member.workspaceId() + ", user=" + member.userId() + ", side=" + member.sideId()
                + ", role=" + member.role() + (revoked() ? ", revoked" : "") + "]";
    }
}
