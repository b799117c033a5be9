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
        long paymentId = ((Number) execution.getVariable(PaymentProcess.PAYMENT_ID)).longValue();
        PaymentRefunds.RefundToReview refund = refunds.describe(paymentId, refundId(execution));
        execution.setVariable(PaymentProcess.PAYMENT_REFERENCE, refund.reference());
        execution.setVariable(PaymentProcess.FAMILY_NAME, refund.familyName());
        execution.setVariable(PaymentProcess.PAYMENT_AMOUNT, refund.amount());
        execution.setVariable(PaymentProcess.REFUND_REASON, refund.reason());
    }

    /** The refund the process was told of, or null for a process started before a payment could have several. */
    static Long refundId(DelegateExecution execution) {
        Object id = execution.getVariable(PaymentProcess.REFUND_ID);
        return id == null ? null : ((Number) id).longValue();
    }
}
