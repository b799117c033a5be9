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
        PaymentRefunds.RefundToReview refund = refunds.describe(paymentId);
        execution.setVariable(PaymentProcess.PAYMENT_REFERENCE, refund.reference());
        execution.setVariable(PaymentProcess.FAMILY_NAME, refund.familyName());
        execution.setVariable(PaymentProcess.PAYMENT_AMOUNT, refund.amount());
        execution.setVariable(PaymentProcess.REFUND_REASON, refund.reason());
    }
}
