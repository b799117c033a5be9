package fr.portailfamille.account;

import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing a family in by another proof than its password (an identity provider it linked to its
 * account): the account's principal, only while the account is active.
 */
@Service
public class FamilySignIn {

    private final PortalAccountRepository accounts;

    FamilySignIn(PortalAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<FamilyPrincipal> activeAccount(long accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.getStatus() == AccountStatus.ACTIVE)
                .map(account -> new FamilyPrincipal(account.getId(), account.getUsername(), account.getPasswordHash(),
                        true, account.displayName()));
    }
}
