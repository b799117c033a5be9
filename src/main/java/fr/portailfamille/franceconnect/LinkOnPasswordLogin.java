package fr.portailfamille.franceconnect;

import fr.portailfamille.system.security.FamilyLoginListener;
import fr.portailfamille.system.security.FamilyPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The link is made here and only here: the family signed in with FranceConnect, was not linked, and
 * then gave its account's password on « Relier FranceConnect à mon compte » (the one throttled login
 * checked it).
 */
@Component
class LinkOnPasswordLogin implements FamilyLoginListener {

    static final String LINK_PARAMETER = "franceconnect";

    private final IdentityLinks links;

    LinkOnPasswordLogin(IdentityLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> passwordLoginSucceeded(HttpServletRequest request, FamilyPrincipal family) {
        HttpSession session = request.getSession(false);
        if (session == null || !"rattacher".equals(request.getParameter(LINK_PARAMETER))
                || !(session.getAttribute(FranceConnectLogin.PENDING) instanceof FranceConnectIdentity identity)) {
            return Optional.empty();
        }
        session.removeAttribute(FranceConnectLogin.PENDING);
        return Optional.of(switch (links.link(family.accountId(), identity)) {
            case LINKED -> "/compte/franceconnect?relie";
            case ACCOUNT_ALREADY_LINKED -> "/compte/franceconnect?dejaRelie";
            case IDENTITY_LINKED_ELSEWHERE -> "/compte/franceconnect?autreCompte";
        });
    }
}
