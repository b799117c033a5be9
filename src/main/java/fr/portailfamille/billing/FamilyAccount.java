package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A family's account as the town's agents read it: its published invoices, what it still owes,
 * its unused credit, every payment received (at the desk or online) and the receipts of the desk payments.
 */
public record FamilyAccount(List<Invoice> invoices, BigDecimal due, BigDecimal credit, List<Payment> payments,
        List<DeskReceipt> receipts) {

    /** One published invoice. */
    public record Invoice(long id, String number, String period, InvoiceState state, BigDecimal total, BigDecimal amountDue,
            String dueOnText) {

        public String stateLabel() {
            return state.label();
        }

        public String totalText() {
            return Euros.of(total);
        }

        public String amountDueText() {
            return Euros.of(amountDue);
        }
    }

    /** One payment applied to an invoice. */
    public record Payment(String modeLabel, BigDecimal amount, Instant paidAt, String invoiceNumber) {

        public String amountText() {
            return Euros.of(amount);
        }

        public String paidOnText() {
            return PortalTime.DATE.format(paidAt.atZone(PortalTime.ZONE));
        }
    }

    public String dueText() {
        return Euros.of(due);
    }

    public String creditText() {
        return Euros.of(credit);
    }
}
