package fr.portailfamille.franceconnect;

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

    FranceConnectPages(IdentityLinks links, FranceConnect franceConnect) {
        this.links = links;
        this.franceConnect = franceConnect;
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

    @PostMapping("/franceconnect/rattacher/annuler")
    String cancel(HttpSession session) {
        session.removeAttribute(FranceConnectLogin.PENDING);
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
