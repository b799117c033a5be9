package fr.portailfamille.portal;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.messaging.Messaging;
import fr.portailfamille.system.security.FamilyPrincipal;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The counters the layout's tabs and the home tiles show, for a logged-in family only (one indexed
 * query per module, and only when a page is rendered).
 */
@ControllerAdvice
class TabCountersAdvice {

    private final Messaging messaging;
    private final Invoices invoices;

    TabCountersAdvice(Messaging messaging, Invoices invoices) {
        this.messaging = messaging;
        this.invoices = invoices;
    }

    @ModelAttribute("tabCounters")
    TabCounters tabCounters(@AuthenticationPrincipal Object principal, @CurrentFamily Optional<Long> file) {
        if (principal instanceof FamilyPrincipal) {
            return new TabCounters(() -> file.map(id -> (int) invoices.pendingCount(id)).orElse(0),
                    () -> file.map(messaging::unreadCount).orElse(0));
        }
        return null;
    }
}
