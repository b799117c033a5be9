package fr.portailfamille.system.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A family logged into the portal. It carries the portal account's id only: the family file an
 * account is linked to is asked of the family module at each request, so a link made by the
 * Guichet Unique shows at once.
 */
public class FamilyPrincipal extends User {

    public static final String ROLE = "FAMILY";

    private final long accountId;
    private final String displayName;

    public FamilyPrincipal(long accountId, String username, String passwordHash, boolean active, String displayName) {
        super(username, passwordHash, active, true, true, true, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.accountId = accountId;
        this.displayName = displayName;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
