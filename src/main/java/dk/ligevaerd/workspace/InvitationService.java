package dk.ligevaerd.workspace;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.mail.MailBody;
import dk.ligevaerd.mail.MailOutbox;
import dk.ligevaerd.mail.MailSettings;
import dk.ligevaerd.mail.OutgoingMail;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.Text;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.workspace.WorkspaceEvents.InvitationCreated;
import dk.ligevaerd.workspace.WorkspaceEvents.InvitationRevoked;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberJoined;
import dk.ligevaerd.workspace.domain.Invitation;
import dk.ligevaerd.workspace.domain.InvitationRepository;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.Side;
import dk.ligevaerd.workspace.domain.Workspace;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links, redeemed once by whoever holds the link. Each side's moderators invite into
 * their own side (the owner only into a side that has no moderator yet, to find its first);
 * observers are invited by any moderator or the owner. A link works only while its maker still
 * may invite into its side.
 */
@Service
public class InvitationService {

    /** The longest note an inviter may add to an invitation mail. */
    public static final int NOTE_MAX_LENGTH = 1000;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();

    private final InvitationRepository invitations;
    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final WorkspaceAccess access;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MailOutbox outbox;
    private final MailSettings mailSettings;

    InvitationService(InvitationRepository invitations, WorkspaceRepository workspaces,
            MembershipRepository memberships, WorkspaceAccess access, CurrentUser currentUser,
            AccountService accounts, ApplicationEventPublisher events, Clock clock, MailOutbox outbox,
            MailSettings mailSettings) {
        this.outbox = outbox;
        this.mailSettings = mailSettings;
        this.invitations = invitations;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.access = access;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public NewInvitation create(long workspaceId, @Nullable Long sideId, Role role, Duration validity) {
        return create(workspaceId, sideId, role, validity, null, null);
    }

    /**
     * Makes an invitation link and, when an address is given, mails it there in the same
     * transaction: in the workspace's language, with the side, the role, the inviter's note and the
     * single-use link. The link is returned as well, as with a link-only invitation.
     */
    @Transactional
    public NewInvitation create(long workspaceId, @Nullable Long sideId, Role role, Duration validity,
            @Nullable String email, @Nullable String note) {
        Member owner = access.requireMember(workspaceId);
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
        if (role.needsSide()) {
            if (sideId == null) {
                throw new DomainException("error.member.sideRequired");
            }
            workspace.side(sideId);
            access.requireGovernorOf(workspaceId, sideId);
        } else {
            access.requireModeratorOrOwner(workspaceId);
            sideId = null;
        }
        String address = email == null || email.isBlank() ? null : OutgoingMail.address(email);
        String message = Text.optional(note, NOTE_MAX_LENGTH, "invitation.note");
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Invitation invitation = invitations.saveAndFlush(new Invitation(workspaceId, hash(token), sideId, role,
                owner.userId(), clock.instant(), validity));
        events.publishEvent(new InvitationCreated(workspaceId, owner.userId(), owner.sideId(), invitation.id(),
                invitation.sideId(), role));
        NewInvitation made = new NewInvitation(view(invitation, workspace, clock.instant()), token);
        if (address != null) {
            outbox.queue(invitationMail(address, message, made, workspace, owner).about(workspaceId, "INVITATION"));
        }
        return made;
    }

    private OutgoingMail invitationMail(String address, String note, NewInvitation made, Workspace workspace,
            Member inviter) {
        Locale language = Messages.supported(Locale.forLanguageTag(workspace.language()));
        InvitationView view = made.invitation();
        String inviterName = accounts.summaries(List.of(inviter.userId())).values().stream()
                .map(UserSummary::displayName).findFirst().orElse("");
        String role = Messages.get(language, view.role().messageKey());
        MailBody body = new MailBody()
                .paragraph(Messages.get(language, "mail.invitation.intro", inviterName, workspace.name()))
                .paragraph(view.sideName() == null ? Messages.get(language, "mail.invitation.asObserver", role)
                        : Messages.get(language, "mail.invitation.sideRole", view.sideName(), role));
        if (!note.isEmpty()) {
            body.quote(Messages.get(language, "mail.invitation.note", inviterName), note);
        }
        body.link(Messages.get(language, "mail.invitation.accept"), mailSettings.link(made.path()))
                .paragraph(Messages.get(language, "mail.invitation.expires",
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                .withLocale(language).withZone(MAIL_ZONE).format(view.expiresAt())))
                .paragraph(Messages.get(language, "mail.invitation.unexpected"));
        return new OutgoingMail(address, Messages.get(language, "mail.invitation.subject", workspace.name()), body);
    }

    /** The product is made for Danish municipalities; mails give times in their zone. */
    private static final java.time.ZoneId MAIL_ZONE = java.time.ZoneId.of("Europe/Copenhagen");

    @Transactional(readOnly = true)
    /** The invitations the caller manages: their own, and those into a side they govern. */
    public List<InvitationView> list(long workspaceId) {
        Member me = access.requireModeratorOrOwnerEvenIfArchived(workspaceId);
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        Instant now = clock.instant();
        return invitations.findByWorkspaceIdOrderByCreatedAtDescIdDesc(workspaceId).stream()
                .filter(i -> manages(me, i, all))
                .map(i -> view(i, workspace, now)).toList();
    }

    private static boolean manages(Member me, Invitation invitation, List<Membership> all) {
        if (invitation.createdBy() == me.userId()) {
            return true;
        }
        return invitation.sideId() == null ? me.isModerator() || me.owner()
                : WorkspaceAccess.governs(me, invitation.sideId(), all);
    }

    @Transactional
    public void revoke(long workspaceId, long invitationId) {
        Member owner = access.requireModeratorOrOwner(workspaceId);
        Invitation invitation = invitations.findById(invitationId)
                .filter(i -> i.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        if (!manages(owner, invitation, memberships.findByWorkspaceId(workspaceId))) {
            throw new NotPermittedException("error.permission.sideModerator",
                    invitation.sideId() == null ? "" : workspaces.findById(workspaceId).orElseThrow()
                            .side(invitation.sideId()).name());
        }
        invitation.revoke(clock.instant());
        events.publishEvent(new InvitationRevoked(workspaceId, owner.userId(), owner.sideId(), invitationId));
    }

    /**
     * What a pending link leads to. Anyone holding the link may ask, logged in or not: the token
     * is the credential. A link that is not pending says why.
     */
    @Transactional(readOnly = true)
    public InvitationPreview preview(String token) {
        Invitation invitation = find(token);
        Instant now = clock.instant();
        invitation.requirePending(now);
        Workspace workspace = workspaces.findById(invitation.workspaceId()).orElseThrow(this::invalid);
        Side side = invitation.sideId() == null ? null : workspace.side(invitation.sideId());
        String invitedBy = accounts.summaries(List.of(invitation.createdBy())).values().stream()
                .map(UserSummary::displayName).findFirst().orElse("");
        boolean member = currentUser.find()
                .filter(u -> memberships.existsByWorkspaceIdAndUserId(workspace.id(), u.id())).isPresent();
        return new InvitationPreview(workspace.name(), side == null ? null : side.name(),
                side == null ? null : side.colour(), invitation.role(), invitedBy, invitation.expiresAt(),
                member ? workspace.id() : null);
    }

    /**
     * Joins the current user to the invitation's workspace on its side with its role, and uses up
     * the link. Someone who is already a member keeps their place and the link stays unused.
     *
     * @return the workspace id
     */
    @Transactional
    public long accept(String token) {
        long userId = currentUser.id();
        Invitation invitation = find(token);
        Instant now = clock.instant();
        invitation.requirePending(now);
        if (memberships.existsByWorkspaceIdAndUserId(invitation.workspaceId(), userId)) {
            throw new DomainException("error.invitation.alreadyMember");
        }
        // Nobody joins an archived workspace: it is read-only, its people included.
        access.requireWritable(invitation.workspaceId());
        // A link made by the owner for a side that had no moderator then, or by someone who has
        // since lost their place, must not let anyone into a side its own moderators did not choose.
        List<Membership> all = memberships.findByWorkspaceId(invitation.workspaceId());
        boolean makerStillMay = all.stream().filter(m -> m.userId() == invitation.createdBy()).findFirst()
                .map(WorkspaceAccess::toMember)
                .map(maker -> invitation.sideId() == null ? maker.isModerator() || maker.owner()
                        : WorkspaceAccess.governs(maker, invitation.sideId(), all))
                .orElse(false);
        if (!makerStillMay) {
            throw new DomainException("error.invitation.makerMayNoLonger");
        }
        invitation.accept(userId, now);
        try {
            // Flushing here makes a second, concurrent redemption of the same link fail on the version.
            invitations.saveAndFlush(invitation);
        } catch (ObjectOptimisticLockingFailureException concurrentRedemption) {
            throw new DomainException("error.invitation.used");
        }
        memberships.saveAndFlush(new Membership(invitation.workspaceId(), userId, invitation.sideId(),
                invitation.role(), false, now));
        events.publishEvent(new MemberJoined(invitation.workspaceId(), userId, invitation.sideId(), userId,
                invitation.sideId(), invitation.role(), invitation.id()));
        return invitation.workspaceId();
    }

    private Invitation find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw invalid();
        }
        return invitations.findByTokenHash(hash(token)).orElseThrow(this::invalid);
    }

    private DomainException invalid() {
        return new DomainException("error.invitation.invalid");
    }

    private InvitationView view(Invitation invitation, Workspace workspace, Instant now) {
        List<Long> userIds = new ArrayList<>(List.of(invitation.createdBy()));
        if (invitation.usedBy() != null) {
            userIds.add(invitation.usedBy());
        }
        Map<Long, UserSummary> users = accounts.summaries(userIds);
        String sideName = invitation.sideId() == null ? null
                : workspace.sides().stream().filter(s -> s.id() == invitation.sideId()).map(Side::name)
                        .findFirst().orElse(null);
        UserSummary creator = users.get(invitation.createdBy());
        UserSummary user = invitation.usedBy() == null ? null : users.get(invitation.usedBy());
        return new InvitationView(invitation.id(), invitation.sideId(), sideName, invitation.role(),
                creator == null ? "" : creator.displayName(), invitation.createdAt(), invitation.expiresAt(),
                invitation.status(now), user == null ? null : user.displayName());
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
