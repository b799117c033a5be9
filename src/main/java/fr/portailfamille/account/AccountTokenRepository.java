package fr.portailfamille.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    @Query("select t from AccountToken t where t.tokenHash = :tokenHash and t.purpose = :purpose")
    Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

    @Query("select t from AccountToken t where t.accountId = :accountId and t.purpose = :purpose")
    List<AccountToken> findByAccountIdAndPurpose(Long accountId, AccountToken.Purpose purpose);
}
