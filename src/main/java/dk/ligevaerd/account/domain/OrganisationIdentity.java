package dk.ligevaerd.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An organisation account (an OpenID Connect issuer and the subject it gives the person) tied to
 * one of our accounts. Made at the first sign-in; every later sign-in finds the account through
 * it alone, never again through the e-mail address.
 */
@Entity
@Table(name = "organisation_identity")
public class OrganisationIdentity {

    public static final int ISSUER_MAX_LENGTH = 500;
    public static final int SUBJECT_MAX_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = ISSUER_MAX_LENGTH)
    private String issuer;

    @Column(nullable = false, length = SUBJECT_MAX_LENGTH)
    private String subject;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OrganisationIdentity() {
        this.issuer = "";
        this.subject = "";
        this.createdAt = Instant.EPOCH;
    }

    public OrganisationIdentity(String issuer, String subject, long userId, Instant createdAt) {
        if (issuer.isBlank() || issuer.length() > ISSUER_MAX_LENGTH || subject.isBlank()
                || subject.length() > SUBJECT_MAX_LENGTH) {
            throw new IllegalArgumentException("an identity needs an issuer and a subject within their limits");
        }
        this.issuer = issuer;
        this.subject = subject;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    public String issuer() {
        return issuer;
    }

    public String subject() {
        return subject;
    }

    public long userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
