package fr.portailfamille.system.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Told of every successful password login of a family, after the password and the account's status
 * were checked by the one login path (throttle, admission); may send the family somewhere else than
 * where it was heading (e.g. to confirm something it started before signing in).
 */
public interface FamilyLoginListener {

    /** @return the path to go to instead of the usual one, or empty */
    Optional<String> passwordLoginSucceeded(HttpServletRequest request, FamilyPrincipal family);
}
