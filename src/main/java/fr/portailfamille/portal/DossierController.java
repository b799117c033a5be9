package fr.portailfamille.portal;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.security.FamilyPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * « Mon dossier »: the family file at a glance (family module) with, on the right, the pending
 * invoices (billing) and the pre-registration lines (registration). Those two panels stay empty
 * lists until their modules fill them here through their public services.
 */
@Controller
class DossierController {

    private final FamilyFiles families;
    private final Clock clock;

    DossierController(FamilyFiles families, Clock clock) {
        this.families = families;
        this.clock = clock;
    }

    @GetMapping("/dossier")
    String dossier(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        model.addAttribute("overview", families.overviewOfAccount(family.accountId(), LocalDate.now(clock)).orElse(null));
        // filled by the billing module (issue: invoices) and the registration module (issue 5)
        model.addAttribute("pendingInvoices", List.of());
        model.addAttribute("registrationLines", List.of());
        return "portal/dossier";
    }
}
