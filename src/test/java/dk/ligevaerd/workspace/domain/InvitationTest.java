package dk.ligevaerd.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.InvitationStatus;
import dk.ligevaerd.workspace.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationIT {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private static Invitation participantLink() {
        return new Invitation(1, "hash", 7L, Role.PARTICIPANT, 2, T0, Duration.ofDays(7));
    }

    @Test
    void a_new_link_is_pending_until_it_expires() {
        Invitation i = participantLink();
        assertThat(i.status(T0)).isEqualTo(InvitationStatus.PENDING);
        assertThat(i.status(T0.plus(Duration.ofDays(7)).minusSeconds(1))).isEqualTo(InvitationStatus.PENDING);
        assertThat(i.status(T0.plus(Duration.ofDays(7)))).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void a_link_is_used_once() {
        Invitation i = participantLink();
        i.accept(42, T0.plusSeconds(5));
        assertThat(i.status(T0.plusSeconds(6))).isEqualTo(InvitationStatus.USED);
        assertThat(i.usedBy()).isEqualTo(42L);
        assertThatThrownBy(() -> i.accept(43, T0.plusSeconds(7)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.invitation.used");
        assertThat(i.usedBy()).isEqualTo(42L);
    }

    @Test
    void an_expired_link_is_refused() {
        Invitation i = participantLink();
        assertThatThrownBy(() -> i.accept(42, T0.plus(Duration.ofDays(8))))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.invitation.expired");
        assertThat(i.usedBy()).isNull();
    }

    @Test
    void a_revoked_link_is_refused_and_cannot_be_revoked_again() {
        Invitation i = participantLink();
        i.revoke(T0.plusSeconds(1));
        assertThatThrownBy(() -> i.accept(42, T0.plusSeconds(2)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.invitation.revoked");
        assertThatThrownBy(() -> i.revoke(T0.plusSeconds(3))).isInstanceOf(DomainException.class);
    }

    @Test
    void a_used_link_cannot_be_revoked() {
        Invitation i = participantLink();
        i.accept(42, T0.plusSeconds(1));
        assertThatThrownBy(() -> i.revoke(T0.plusSeconds(2)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.invitation.used");
    }

    @Test
    void validity_is_between_one_hour_and_ninety_days() {
        assertThatThrownBy(() -> new Invitation(1, "h", 7L, Role.PARTICIPANT, 2, T0, Duration.ofMinutes(59)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.invitation.validity");
        assertThatThrownBy(() -> new Invitation(1, "h", 7L, Role.PARTICIPANT, 2, T0, Duration.ofDays(91)))
                .isInstanceOf(DomainException.class);
        assertThat(new Invitation(1, "h", 7L, Role.PARTICIPANT, 2, T0, Duration.ofDays(90)).expiresAt())
                .isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    @Test
    void participants_and_moderators_need_a_side_observers_have_none() {
        assertThatThrownBy(() -> new Invitation(1, "h", null, Role.MODERATOR, 2, T0, Duration.ofDays(1)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.member.sideRequired");
        assertThat(new Invitation(1, "h", 7L, Role.OBSERVER, 2, T0, Duration.ofDays(1)).sideId()).isNull();
    }
}
