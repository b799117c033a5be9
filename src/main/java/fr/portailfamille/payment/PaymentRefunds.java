package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.FamilyFiles;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payments the gateway took that settle nothing: what finances reads, and what it did. */
@Service
class PaymentRefunds {

    private final PaymentRepository payments;
    private final PaymentRefundRepository refunds;
    private final FamilyFiles families;
    private final Clock clock;

    PaymentRefunds(PaymentRepository payments, PaymentRefundRepository refunds, FamilyFiles families, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.families = families;
        this.clock = clock;
    }

    record RefundToReview(String reference, String familyName, String amount, String reason) {}

    /**
     * The refund a task is about: {@code refundId} when the process was told which one, otherwise
     * (processes started before a payment could have several) the payment's first.
     */
    private PaymentRefund refundOf(long paymentId, Long refundId) {
        return refundId != null ? refunds.findById(refundId).orElseThrow()
                : refunds.findByPaymentIdOrderById(paymentId).stream().findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    RefundToReview describe(long paymentId, Long refundId) {
        Payment payment = payments.findById(paymentId).orElseThrow();
        PaymentRefund refund = refundOf(paymentId, refundId);
        String family = families.find(payment.getFamilyFileId()).map(f -> f.name() + " (dossier " + f.number() + ")").orElse("");
        return new RefundToReview(payment.getOrderId() + " / transaction " + payment.getTransId() + " du "
                + payment.getTransDate().substring(6, 8) + "/" + payment.getTransDate().substring(4, 6) + "/"
                + payment.getTransDate().substring(0, 4), family, Euros.ofCents(refund.getAmountCents()), refund.getReason());
    }

    @Transactional
    void recordDone(long paymentId, Long refundId, String by, String comment) {
        refundOf(paymentId, refundId).done(by, comment, clock.instant());
    }
}
