package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What online payment needs of the invoices (the billing module behind it). */
interface InvoiceBook {

    /** The family's invoices waiting for payment, oldest first. */
    List<PayableInvoice> pendingOf(long familyFileId);

    /** The family's invoices a direct debit will take (not offered online): number → debit day, oldest first. */
    java.util.Map<String, LocalDate> awaitingDirectDebit(long familyFileId);

    /**
     * Settles these invoices of the family with a card payment, all or nothing, in the caller's
     * transaction; {@code false} (and nothing changed) when one of them is no longer waiting for payment.
     */
    boolean settle(long familyFileId, List<Long> invoiceIds, String paymentReference, Instant paidAt);

    /** An invoice a family may pay online. */
    record PayableInvoice(long id, String number, String period, long amountCents, LocalDate dueOn) {

        public String amountText() {
            return Euros.ofCents(amountCents);
        }

        public String dueOnText() {
            return dueOn == null ? "" : fr.portailfamille.system.PortalTime.DATE.format(dueOn);
        }
    }
}
