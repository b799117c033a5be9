package fr.portailfamille.staff;

import fr.portailfamille.system.security.StaffPrincipal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's entry page: who is logged in, their services, and the way to Tasklist and Cockpit. */
@Controller
class StaffHomeController {

    @GetMapping("/agent/connexion")
    String login() {
        return "staff/connexion";
    }

    @GetMapping("/agent")
    String home(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        List<String> services = staff.groups().stream()
                .map(g -> StaffGroup.byId(g).map(StaffGroup::label).orElse(g)).toList();
        model.addAttribute("staff", staff);
        model.addAttribute("services", services);
        model.addAttribute("admin", staff.groups().contains(StaffGroup.ADMIN));
        return "staff/accueil";
    }
}
