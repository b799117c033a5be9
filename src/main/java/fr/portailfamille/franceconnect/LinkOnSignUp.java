package fr.portailfamille.franceconnect;

import fr.portailfamille.account.SignUpListener;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The other way a link is made: « Créer mon compte » after a first FranceConnect sign-in started a
 * sign-up prefilled from the identity, and « valider mon inscription » created the account in the
 * same session. The account is pending until its activation link is followed, and FranceConnect
 * signs in only active accounts, so the link opens nothing before the e-mail address is proven.
 */
@Component
class LinkOnSignUp implements SignUpListener {

    /** The subject of the identity whose « Créer mon compte » started the sign-up of this session. */
    static final String CREATING = LinkOnSignUp.class.getName() + ".creating";

    private final IdentityLinks links;

    LinkOnSignUp(IdentityLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> registered(HttpSession session, long accountId) {
        Object creating = session.getAttribute(CREATING);
        session.removeAttribute(CREATING);
        if (creating == null || !(session.getAttribute(FranceConnectLogin.PENDING) instanceof FranceConnectIdentity identity)
                || !creating.equals(identity.subject())) {
            return Optional.empty();
        }
        session.removeAttribute(FranceConnectLogin.PENDING);
        return Optional.of(switch (links.link(accountId, identity)) {
            case LINKED -> "Votre identité FranceConnect est reliée à ce compte : une fois le compte activé, « S'identifier "
                    + "avec FranceConnect » suffira pour vous connecter.";
            case ACCOUNT_ALREADY_LINKED, IDENTITY_LINKED_ELSEWHERE -> "Votre identité FranceConnect est déjà reliée à un "
                    + "autre compte du portail : elle n'a pas été reliée à celui-ci.";
        });
    }
}
