package fr.portailfamille.portal;

import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** « Accueil »: the five modules as tiles (guide, section I-2); the one page that an account without a family file sees as usual. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@CurrentFamily Optional<FamilySummary> file, Model model) {
        model.addAttribute("modules", PortalModule.values());
        model.addAttribute("family", file.orElse(null));
        return "portal/accueil";
    }
}
