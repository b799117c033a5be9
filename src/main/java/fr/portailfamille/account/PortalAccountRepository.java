package fr.portailfamille.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PortalAccountRepository extends JpaRepository<PortalAccount, Long> {

    @Query("select a from PortalAccount a where lower(a.username) = lower(:username)")
    Optional<PortalAccount> findByUsernameIgnoreCase(String username);

    @Query("select a from PortalAccount a where lower(a.email) = lower(:email)")
    Optional<PortalAccount> findByEmailIgnoreCase(String email);
}
