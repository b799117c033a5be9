package fr.portailfamille.franceconnect;

import fr.portailfamille.account.SignUpPrefill;
import fr.portailfamille.account.SignUps;
import fr.portailfamille.system.security.FamilyPrincipal;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * « Relier FranceConnect à mon compte » (after a first FranceConnect sign-in) and, in « Mon dossier »,
 * the family's FranceConnect link with « Délier ».
 */
@Controller
class FranceConnectPages {

    private final IdentityLinks links;
    private final FranceConnect franceConnect;
    private final SignUps signUps;

    FranceConnectPages(IdentityLinks links, FranceConnect franceConnect, SignUps signUps) {
        this.links = links;
        this.franceConnect = franceConnect;
        this.signUps = signUps;
    }

    @GetMapping("/franceconnect/rattacher")
    String linkPage(HttpSession session, Model model) {
        if (!(session.getAttribute(FranceConnectLogin.PENDING) instanceof FranceConnectIdentity identity)) {
            return "redirect:/connexion";
        }
        model.addAttribute("fullName", identity.fullName());
        model.addAttribute("birthDate", identity.birthDate());
        return "franceconnect/rattacher";
    }

    /** « Créer mon compte »: the sign-up wizard prefilled from the identity, which is linked to the account it creates. */
    @PostMapping("/franceconnect/rattacher/creer-compte")
    String createAccount(HttpSession session) {
        if (!(session.getAttribute(FranceConnectLogin.PENDING) instanceof FranceConnectIdentity identity)) {
            return "redirect:/connexion";
        }
        signUps.startPrefilled(session, new SignUpPrefill(identity.civility(), identity.familyName(), identity.givenName(),
                identity.email(), identity.birthDate()));
        session.setAttribute(LinkOnSignUp.CREATING, identity.subject());
        return "redirect:/inscription";
    }

    @PostMapping("/franceconnect/rattacher/annuler")
    String cancel(HttpSession session) {
        session.removeAttribute(FranceConnectLogin.PENDING);
        session.removeAttribute(LinkOnSignUp.CREATING);
        return "redirect:/connexion";
    }

    @GetMapping("/compte/franceconnect")
    String account(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        links.linkOf(family.accountId()).ifPresent(link -> {
            model.addAttribute("linkedName", (link.givenName() + " " + link.familyName()).trim());
            model.addAttribute("linkedAt", link.linkedAt());
        });
        model.addAttribute("available", franceConnect.enabled());
        return "franceconnect/compte";
    }

    @PostMapping("/compte/franceconnect/delier")
    String unlink(@AuthenticationPrincipal FamilyPrincipal family) {
        links.unlink(family.accountId());
        return "redirect:/compte/franceconnect?delie";
    }
}
