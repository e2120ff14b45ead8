package dk.ligevaerd.history;

import dk.ligevaerd.history.domain.HistoryEntry;
import dk.ligevaerd.history.domain.HistoryEntryRepository;
import dk.ligevaerd.workspace.WorkspaceEvents;
import dk.ligevaerd.workspace.WorkspaceEvents.InvitationCreated;
import dk.ligevaerd.workspace.WorkspaceEvents.InvitationRevoked;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberJoined;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.SideAdded;
import dk.ligevaerd.workspace.WorkspaceEvents.SideChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.SideRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceCreated;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceRenamed;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes workspace events into the timeline. A plain (synchronous) listener on purpose: the
 * entry is written in the transaction that made the change, so there is never a change without
 * its record, nor a record of a change that was rolled back.
 */
@Component
class HistoryRecorder {

    private final HistoryEntryRepository entries;
    private final Clock clock;

    HistoryRecorder(HistoryEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceEvents.Recorded event) {
        entries.save(new HistoryEntry(event.workspaceId(), clock.instant(), kind(event), event.actorId(),
                event.actorSideId(), subject(event), detail(event)));
    }

    private static String kind(WorkspaceEvents.Recorded event) {
        return switch (event) {
            case WorkspaceCreated e -> "workspace.created";
            case WorkspaceRenamed e -> "workspace.renamed";
            case SideAdded e -> "side.added";
            case SideChanged e -> "side.changed";
            case SideRemoved e -> "side.removed";
            case MemberJoined e -> "member.joined";
            case MemberChanged e -> "member.changed";
            case MemberRemoved e -> "member.removed";
            case InvitationCreated e -> "invitation.created";
            case InvitationRevoked e -> "invitation.revoked";
        };
    }

    private static @Nullable Long subject(WorkspaceEvents.Recorded event) {
        return switch (event) {
            case MemberJoined e -> e.userId();
            case MemberChanged e -> e.userId();
            case MemberRemoved e -> e.userId();
            default -> null;
        };
    }

    private static String detail(WorkspaceEvents.Recorded event) {
        return switch (event) {
            case WorkspaceCreated e -> "name=" + e.name();
            case WorkspaceRenamed e -> "name=" + e.name();
            case SideAdded e -> "side=" + e.sideId() + "\nname=" + e.name();
            case SideChanged e -> "side=" + e.sideId() + "\nname=" + e.name() + "\ncolour=" + e.colour();
            case SideRemoved e -> "side=" + e.sideId() + "\nname=" + e.name();
            case MemberJoined e -> "side=" + e.sideId() + "\nrole=" + e.role() + "\ninvitation=" + e.invitationId();
            case MemberChanged e -> "oldSide=" + e.oldSideId() + "\noldRole=" + e.oldRole()
                    + "\nnewSide=" + e.newSideId() + "\nnewRole=" + e.newRole();
            case MemberRemoved e -> "side=" + e.sideId() + "\nrole=" + e.role();
            case InvitationCreated e -> "invitation=" + e.invitationId() + "\nside=" + e.sideId() + "\nrole=" + e.role();
            case InvitationRevoked e -> "invitation=" + e.invitationId();
        };
    }
}
