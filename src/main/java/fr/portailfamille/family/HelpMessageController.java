package fr.portailfamille.family;

import fr.portailfamille.system.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /agent/aide}: the Guichet Unique publishes and withdraws the help message of a portal page (the info sign). */
@Controller
class HelpMessageController {

    private static final String PAGE = "family/agent-aide";

    private final HelpMessages messages;

    HelpMessageController(HelpMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/agent/aide")
    String list(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        checkGuichetUnique(staff);
        model.addAttribute("pagePath", "");
        model.addAttribute("message", "");
        return page(model);
    }

    @PostMapping("/agent/aide")
    String publish(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(defaultValue = "") String pagePath,
            @RequestParam(defaultValue = "") String message, Model model) {
        checkGuichetUnique(staff);
        var path = HelpMessages.normalizedPath(pagePath);
        String text = FamilyInput.clean(message);
        if (path.isEmpty()) {
            model.addAttribute("pagePathError", "Saisissez l'adresse d'une page du portail, par exemple /dossier/documents.");
        }
        if (text == null) {
            model.addAttribute("messageError", "Saisissez le message d'aide.");
        } else if (text.length() > 2000) {
            model.addAttribute("messageError", "Le message ne doit pas dépasser 2000 caractères.");
        }
        if (path.isEmpty() || model.containsAttribute("messageError")) {
            model.addAttribute("pagePath", pagePath);
            model.addAttribute("message", message);
            return page(model);
        }
        messages.publish(path.get(), text, staff.userId());
        return "redirect:/agent/aide?publie";
    }

    @PostMapping("/agent/aide/retrait")
    String withdraw(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam String pagePath) {
        checkGuichetUnique(staff);
        messages.withdraw(pagePath);
        return "redirect:/agent/aide?retire";
    }

    private String page(Model model) {
        model.addAttribute("messages", messages.all());
        return PAGE;
    }

    private static void checkGuichetUnique(StaffPrincipal staff) {
        if (staff == null || !staff.isIn(FamilyProcessGrants.GUICHET_UNIQUE)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
