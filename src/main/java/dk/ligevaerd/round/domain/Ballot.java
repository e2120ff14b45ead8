package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's latest ballot in a round. A re-vote replaces it in place, so the database (unique
 * round and user) holds one ballot per member per round. The side is the voter's side when they
 * cast it: a member moved to another side later still counted for the side they voted from.
 *
 * <p>In a secret round this row stays so the voter can change their mind, but no view or record
 * ever shows it with the voter's name.
 */
@Entity
@Table(name = "ballot")
public class Ballot {

    public static final int PAYLOAD_MAX_LENGTH = 16_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "round_id", nullable = false)
    private long roundId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "side_id", nullable = false)
    private long sideId;

    /** The ballot as canonical JSON (see {@link BallotPayload}). */
    @Column(nullable = false, length = PAYLOAD_MAX_LENGTH)
    private String payload;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Ballot() {
        this.payload = "";
        this.castAt = Instant.EPOCH;
    }

    public Ballot(long roundId, long userId, long sideId, String payload, Instant castAt) {
        this.roundId = roundId;
        this.userId = userId;
        this.sideId = sideId;
        this.payload = checked(payload);
        this.castAt = castAt;
    }

    public void replace(long newSideId, String newPayload, Instant now) {
        this.sideId = newSideId;
        this.payload = checked(newPayload);
        this.castAt = now;
    }

    private static String checked(String payload) {
        if (payload.length() > PAYLOAD_MAX_LENGTH) {
            throw new IllegalArgumentException("ballot payload too long: " + payload.length());
        }
        return payload;
    }

    public long id() {
        return id == null ? 0 : id;
    }

    public long roundId() {
        return roundId;
    }

    public long userId() {
        return userId;
    }

    public long sideId() {
        return sideId;
    }

    public String payload() {
        return payload;
    }

    public Instant castAt() {
        return castAt;
    }
}
