package dk.ligevaerd.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MembershipTest {

    @Test
    void becoming_an_observer_leaves_the_side() {
        Membership m = new Membership(1, 2, 10L, Role.PARTICIPANT, false, Instant.EPOCH);
        m.assign(Role.OBSERVER, 10L);
        assertThat(m.sideId()).isNull();
        assertThat(m.role()).isEqualTo(Role.OBSERVER);
    }

    @Test
    void an_observer_becoming_a_participant_needs_a_side() {
        Membership m = new Membership(1, 2, null, Role.OBSERVER, false, Instant.EPOCH);
        assertThatThrownBy(() -> m.assign(Role.PARTICIPANT, null))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.member.sideRequired");
        assertThat(m.role()).isEqualTo(Role.OBSERVER);
        m.assign(Role.MODERATOR, 11L);
        assertThat(m.sideId()).isEqualTo(11L);
    }
}
