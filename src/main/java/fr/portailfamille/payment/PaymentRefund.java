package fr.portailfamille.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Money the gateway took that settles nothing: finances refunds it (task « Rembourser un paiement »). */
@Entity
@Table(name = "payment_refund")
class PaymentRefund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long paymentId;
    private Long notificationId;
    private String transUuid;
    private long amountCents;
    private String reason;
    private Instant createdAt;
    private Instant doneAt;
    private String doneBy;
    private String comment;

    protected PaymentRefund() {}

    PaymentRefund(long paymentId, Long notificationId, String transUuid, long amountCents, String reason, Instant now) {
        this.paymentId = paymentId;
        this.notificationId = notificationId;
        this.transUuid = transUuid;
        this.amountCents = amountCents;
        this.reason = reason;
        this.createdAt = now;
    }

    void done(String by, String comment, Instant now) {
        this.doneBy = by;
        this.comment = comment;
        this.doneAt = now;
    }

    long getPaymentId() {
        return paymentId;
    }

    Long getId() {
        return id;
    }

    String getTransUuid() {
        return transUuid;
    }

    long getAmountCents() {
        return amountCents;
    }

    String getReason() {
        return reason;
    }

    Instant getDoneAt() {
        return doneAt;
    }
}
