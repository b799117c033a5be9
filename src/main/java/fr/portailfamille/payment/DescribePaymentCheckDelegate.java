package fr.portailfamille.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts what finances must read in « Vérifier un paiement » (transaction, amount, details as received) into the task's form. */
@Component
class DescribePaymentCheckDelegate implements JavaDelegate {

    private final PaymentChecks checks;

    DescribePaymentCheckDelegate(PaymentChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PaymentChecks.PaymentToCheck check = checks.describe(PaymentProcess.NOTIFICATION_ID.require(execution));
        PaymentProcess.PAYMENT_REFERENCE.put(execution, check.reference());
        PaymentProcess.PAYMENT_AMOUNT.put(execution, check.amount());
        PaymentProcess.CHECK_DETAILS.put(execution, check.details());
    }
}
