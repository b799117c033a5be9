package fr.portailfamille.portal;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
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
    private final Invoices invoices;
    private final Clock clock;

    DossierController(FamilyFiles families, Invoices invoices, Clock clock) {
        this.families = families;
        this.invoices = invoices;
        this.clock = clock;
    }

    @GetMapping("/dossier")
    String dossier(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        model.addAttribute("overview", families.overviewOfAccount(family.accountId(), LocalDate.now(clock)).orElse(null));
        model.addAttribute("pendingInvoices", families.fileIdOfAccount(family.accountId())
                .map(id -> invoices.pending(id).stream().map(PendingInvoice::describe).toList()).orElse(List.of()));
        // filled by the registration module (issue 5)
        model.addAttribute("registrationLines", List.of());
        return "portal/dossier";
    }
}
