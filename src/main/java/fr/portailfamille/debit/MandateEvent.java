package fr.portailfamille.debit;

import fr.portailfamille.system.PortalTime;
import java.time.Instant;

/** What happened to a mandate (signed, changed, revoked, suspended, a debit rejected), for the pages; the IBAN masked in the detail. */
record MandateEvent(String kind, Instant at, String byWhom, String detail) {

    public String atText() {
        return PortalTime.DATE_TIME.format(at.atZone(PortalTime.ZONE));
    }
}
