package fr.portailfamille.account;

import fr.portailfamille.system.security.FamilyPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Families log in with their portal account; a pending (not yet activated) account is disabled. */
@Service
class FamilyAccountDetailsService implements UserDetailsService {

    private final PortalAccountRepository accounts;

    FamilyAccountDetailsService(PortalAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        PortalAccount account = accounts.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("compte inconnu"));
        return new FamilyPrincipal(account.getId(), account.getUsername(), account.getPasswordHash(),
                account.getStatus() == AccountStatus.ACTIVE, account.displayName());
    }
}
