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
 * <p>In a secret round this row names its voter only while the round is open, so the voter can
 * change their mind; no view or record shows it with the voter's name, and the closing takes the
 * voter off the row (see {@link BallotRepository#forgetVoters}).
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

    /** Null once a secret round has closed: then no row says whose ballot it was. */
    @Column(name = "user_id")
    private @Nullable Long userId;

    /** The voter's name when they voted, for a named round's record. */
    @Column(name = "voter_name", nullable = false, length = 80)
    private String voterName;

    @Column(name = "side_id", nullable = false)
    private long sideId;

    /** The ballot as canonical JSON (see {@link BallotPayload}). */
    @Column(nullable = false, length = PAYLOAD_MAX_LENGTH)
    private String payload;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    /** How often the member has voted in this round; the first ballot is 1. */
    @Column(nullable = false)
    private int casts;

    protected Ballot() {
        this.voterName = "";
        this.payload = "";
        this.castAt = Instant.EPOCH;
    }

    public Ballot(long roundId, long userId, String voterName, long sideId, String payload, Instant castAt) {
        this.roundId = roundId;
        this.userId = userId;
        this.voterName = voterName;
        this.sideId = sideId;
        this.payload = checked(payload);
        this.castAt = castAt;
        this.casts = 1;
    }

    public void replace(String newVoterName, long newSideId, String newPayload, Instant now) {
        this.voterName = newVoterName;
        this.sideId = newSideId;
        this.payload = checked(newPayload);
        this.castAt = now;
        this.casts++;
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

    /** The voter; 0 once a secret round has closed and the ballot no longer names them. */
    public long userId() {
        return userId == null ? 0 : userId;
    }

    public String voterName() {
        return voterName;
    }

    public int casts() {
        return casts;
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
