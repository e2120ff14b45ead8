package dk.ligevaerd.account.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationIdentityRepository extends JpaRepository<OrganisationIdentity, Long> {

    Optional<OrganisationIdentity> findByIssuerAndSubject(String issuer, String subject);

    List<OrganisationIdentity> findByUserId(long userId);
}
