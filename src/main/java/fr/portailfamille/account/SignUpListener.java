package fr.portailfamille.account;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Told when « valider mon inscription » created an account (pending its activation), in the HTTP
 * session of the sign-up: FranceConnect links the identity the sign-up was prefilled from.
 */
public interface SignUpListener {

    /** @return a sentence for the family on the page « inscription envoyée », if there is something to say */
    Optional<String> registered(HttpSession session, long accountId);
}
