package fr.portailfamille.portal;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.messaging.Messaging;
import fr.portailfamille.system.security.FamilyPrincipal;
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
    private final FamilyFiles families;

    TabCountersAdvice(Messaging messaging, Invoices invoices, FamilyFiles families) {
        this.messaging = messaging;
        this.invoices = invoices;
        this.families = families;
    }

    @ModelAttribute("tabCounters")
    TabCounters tabCounters(@AuthenticationPrincipal Object principal) {
        if (principal instanceof FamilyPrincipal family) {
            long account = family.accountId();
            return new TabCounters(
                    () -> families.fileIdOfAccount(account).map(id -> (int) invoices.pendingCount(id)).orElse(0),
                    () -> messaging.unreadCountOfAccount(account));
        }
        return null;
    }
}
