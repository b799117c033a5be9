package fr.portailfamille.portal;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilyOverview;
import fr.portailfamille.registration.Registrations;
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
 * invoices (billing) and the pre-registration lines (registration), read through their public services.
 */
@Controller
class DossierController {

    private final FamilyFiles families;
    private final Registrations registrations;
    private final Invoices invoices;
    private final Clock clock;

    DossierController(FamilyFiles families, Registrations registrations, Invoices invoices, Clock clock) {
        this.families = families;
        this.registrations = registrations;
        this.invoices = invoices;
        this.clock = clock;
    }

    @GetMapping("/dossier")
    String dossier(@AuthenticationPrincipal FamilyPrincipal family, Model model) {
        FamilyOverview overview = families.overviewOfAccount(family.accountId(), LocalDate.now(clock)).orElse(null);
        model.addAttribute("overview", overview);
        model.addAttribute("pendingInvoices", overview == null ? List.of()
                : invoices.pending(overview.summary().id()).stream().map(PendingInvoice::describe).toList());
        model.addAttribute("registrationLines", overview == null ? List.of() : registrations.linesOfFamily(overview.summary().id()));
        return "portal/dossier";
    }
}
