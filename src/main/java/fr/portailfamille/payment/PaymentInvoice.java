package fr.portailfamille.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One invoice a payment pays; {@code pending} holds the invoice while the payment waits for the gateway. */
@Entity
@Table(name = "payment_invoice")
class PaymentInvoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id")
    private Payment payment;

    private long invoiceId;
    private String invoiceNumber;
    private long amountCents;
    private boolean pending;

    protected PaymentInvoice() {}

    PaymentInvoice(Payment payment, long invoiceId, String invoiceNumber, long amountCents) {
        this.payment = payment;
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.amountCents = amountCents;
        this.pending = true;
    }

    void release() {
        pending = false;
    }

    long getInvoiceId() {
        return invoiceId;
    }

    String getInvoiceNumber() {
        return invoiceNumber;
    }

    long getAmountCents() {
        return amountCents;
    }

    boolean isPending() {
        return pending;
    }
}
