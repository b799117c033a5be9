package fr.portailfamille.billing;

import fr.portailfamille.system.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /agent/facturation}: the billing runs and their progress, for the finances service. */
@Controller
class BillingStaffController {

    private final BillingRuns runs;

    BillingStaffController(BillingRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/agent/facturation")
    String runs(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        if (!staff.isIn(BillingAuthorizations.FINANCES)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("runs", runs.recent());
        return "billing/agent-facturation";
    }
}
