package fr.portailfamille.payment;

import fr.portailfamille.billing.Invoices;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The invoices as the billing module keeps them, through its public service. */
@Component
class BillingInvoiceBook implements InvoiceBook {

    private final Invoices invoices;

    BillingInvoiceBook(Invoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public List<PayableInvoice> pendingOf(long familyFileId) {
        return invoices.pending(familyFileId).stream()
                .filter(i -> i.amountDue().signum() > 0)
                .map(i -> new PayableInvoice(i.id(), i.number(), i.period(), Money.cents(i.amountDue()), i.dueOn()))
                .sorted(Comparator.comparing(PayableInvoice::id))
                .toList();
    }

    @Override
    public java.util.Map<String, java.time.LocalDate> awaitingDirectDebit(long familyFileId) {
        return invoices.awaitingDirectDebit(familyFileId);
    }

    @Override
    public boolean settle(long familyFileId, List<Long> invoiceIds, String paymentReference, Instant paidAt) {
        return invoices.settle(familyFileId, invoiceIds, paymentReference, paidAt);
    }
}
