package dk.ligevaerd.workspace;

import dk.ligevaerd.account.PersonalData;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberChanged;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.Workspace;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * A person's memberships: in their personal-data download, and on erasure. An erased person keeps
 * a seat as an observer without a side, so that the People tab shows their pseudonym beside what
 * they did, while they count in no side's quorum, turnout or governance. Erasure is refused, like
 * removal, where it would leave a side without a moderator while others remain in the workspace,
 * leave the workspace without its owner while others remain, or take away someone who has voted
 * or confirmed in a round still under way (docs/security.md).
 */
@Component
class MembershipPersonalData implements PersonalData {

    private final MembershipRepository memberships;
    private final WorkspaceRepository workspaces;
    private final List<MembershipChangeGuard> guards;
    private final ApplicationEventPublisher events;

    MembershipPersonalData(MembershipRepository memberships, WorkspaceRepository workspaces,
            List<MembershipChangeGuard> guards, ApplicationEventPublisher events) {
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.guards = guards;
        this.events = events;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String section() {
        return "memberships";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        json.writeStartArray();
        for (Membership m : memberships.findByUserId(userId)) {
            Optional<Workspace> workspace = workspaces.findById(m.workspaceId());
            json.writeStartObject();
            json.writeNumberProperty("workspaceId", m.workspaceId());
            json.writeStringProperty("workspace", workspace.map(Workspace::name).orElse(""));
            if (m.sideId() == null) {
                json.writeNullProperty("sideId");
                json.writeNullProperty("side");
            } else {
                json.writeNumberProperty("sideId", m.sideId());
                json.writeStringProperty("side", workspace.flatMap(w -> w.sides().stream()
                        .filter(s -> s.idOrNull() != null && s.id() == m.sideId()).findFirst())
                        .map(s -> s.name()).orElse(""));
            }
            json.writeStringProperty("role", m.role().name());
            json.writeBooleanProperty("owner", m.owner());
            json.writeStringProperty("joinedAt", m.joinedAt().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void checkErasable(long userId) {
        for (Membership mine : memberships.findByUserId(userId)) {
            Workspace workspace = workspaces.lockById(mine.workspaceId()).orElse(null);
            if (workspace == null || workspace.deleted()) {
                continue;
            }
            List<Membership> all = memberships.findByWorkspaceId(mine.workspaceId());
            boolean othersRemain = all.stream().anyMatch(m -> m.userId() != userId);
            if (!othersRemain) {
                continue;
            }
            if (mine.owner()) {
                throw new DomainException("error.erase.owner", workspace.name());
            }
            if (mine.role() == Role.MODERATOR && mine.sideId() != null
                    && all.stream().noneMatch(m -> m.userId() != userId && m.role() == Role.MODERATOR
                            && Objects.equals(m.sideId(), mine.sideId()))) {
                throw new DomainException("error.erase.lastModerator", workspace.side(mine.sideId()).name(),
                        workspace.name());
            }
            // The person can never act again, so a side change to confirm for two sides is no risk;
            // what matters is that no round under way loses a ballot or a key already given.
            guards.forEach(g -> g.beforeRemovalOrDemotion(mine.workspaceId(), userId));
        }
    }

    @Override
    public void erase(long userId) {
        for (Membership m : memberships.findByUserId(userId)) {
            Long oldSide = m.sideId();
            Role oldRole = m.role();
            if (oldSide == null && oldRole == Role.OBSERVER) {
                continue;
            }
            m.assign(Role.OBSERVER, null);
            events.publishEvent(new MemberChanged(m.workspaceId(), userId, oldSide, userId, oldSide, oldRole, null,
                    Role.OBSERVER));
        }
    }
}
