package fr.portailfamille.portal;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.security.FamilyPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The module tabs whose own module is not delivered yet: each shows the tabs and an honest empty
 * state. A module that delivers its page removes its path from here.
 */
@Controller
class ModulePagesController {

    private final FamilyFiles families;

    ModulePagesController(FamilyFiles families) {
        this.families = families;
    }

    @GetMapping({"/messagerie"})
    String module(jakarta.servlet.http.HttpServletRequest request, @AuthenticationPrincipal FamilyPrincipal family, Model model) {
        PortalModule module = java.util.Arrays.stream(PortalModule.values())
                .filter(m -> m.path().equals(request.getServletPath())).findFirst().orElseThrow();
        model.addAttribute("module", module);
        model.addAttribute("activeModule", module.key());
        model.addAttribute("family", families.ofAccount(family.accountId()).orElse(null));
        return "portal/module";
    }
}
