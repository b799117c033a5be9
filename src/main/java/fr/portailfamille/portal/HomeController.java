package fr.portailfamille.portal;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** « Accueil »: the five modules as tiles (guide, section I-2). */
@Controller
class HomeController {

    private final FamilyFiles families;

    HomeController(FamilyFiles families) {
        this.families = families;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        Optional<FamilySummary> file = families.ofAccount(family.accountId());
        model.addAttribute("modules", PortalModule.values());
        model.addAttribute("family", file.orElse(null));
        return "portal/accueil";
    }
}
