package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What other modules may know of an invoice waiting for payment (« Mon dossier », online payment). */
public record PendingInvoice(long id, long familyFileId, String number, String period, BigDecimal amountDue, LocalDate dueOn) {

    /** « Facture FA-2026-000002 – octobre 2026 : 45,00 € à payer avant le 02/12/2026 ». */
    public String describe() {
        return "Facture " + number + " – " + period + " : " + Euros.of(amountDue) + " à payer avant le "
                + PortalTime.DATE.format(dueOn);
    }

    /** « 45,00 € »: what the family still owes. */
    public String amountDueText() {
        return Euros.of(amountDue);
    }
}
