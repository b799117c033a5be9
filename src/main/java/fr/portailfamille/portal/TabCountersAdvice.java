package fr.portailfamille.portal;

import fr.portailfamille.messaging.Messaging;
import fr.portailfamille.system.security.FamilyPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The counters the layout's tabs and the home tiles show, for a logged-in family only (one indexed
 * query per page). Pending invoices stay 0 until the billing module exists.
 */
@ControllerAdvice
class TabCountersAdvice {

    private final Messaging messaging;

    TabCountersAdvice(Messaging messaging) {
        this.messaging = messaging;
    }

    @ModelAttribute("tabCounters")
    TabCounters tabCounters(@AuthenticationPrincipal Object principal) {
        if (principal instanceof FamilyPrincipal family) {
            return new TabCounters(0, messaging.unreadCountOfAccount(family.accountId()));
        }
        return null;
    }
}
