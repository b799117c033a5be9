package fr.portailfamille.portal;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.registration.Registrations;
import java.time.Clock;
import java.time.LocalDate;
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
    String dossier(@CurrentFamily long familyFileId, Model model) {
        model.addAttribute("overview", families.overview(familyFileId, LocalDate.now(clock)));
        model.addAttribute("pendingInvoices", invoices.pending(familyFileId).stream().map(PendingInvoice::describe).toList());
        model.addAttribute("registrationLines", registrations.linesOfFamily(familyFileId));
        return "portal/dossier";
    }
}
