package fr.portailfamille.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

    List<AccountToken> findByAccountIdAndPurpose(Long accountId, AccountToken.Purpose purpose);
}
