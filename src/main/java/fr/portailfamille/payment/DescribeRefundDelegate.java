package fr.portailfamille.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts what finances must read in « Rembourser un paiement » (reference, family, amount, reason) into the task's form. */
@Component
class DescribeRefundDelegate implements JavaDelegate {

    private final PaymentRefunds refunds;

    DescribeRefundDelegate(PaymentRefunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long paymentId = PaymentProcess.PAYMENT_ID.require(execution);
        PaymentRefunds.RefundToReview refund = refunds.describe(paymentId, refundId(execution));
        PaymentProcess.PAYMENT_REFERENCE.put(execution, refund.reference());
        PaymentProcess.FAMILY_NAME.put(execution, refund.familyName());
        PaymentProcess.PAYMENT_AMOUNT.put(execution, refund.amount());
        PaymentProcess.REFUND_REASON.put(execution, refund.reason());
    }

    /** The refund the process was told of, or null for a process started before a payment could have several. */
    static Long refundId(DelegateExecution execution) {
        return PaymentProcess.REFUND_ID.get(execution);
    }
}
