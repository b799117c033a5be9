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
        PaymentChecks.PaymentToCheck check = checks.describe(((Number) execution.getVariable(PaymentProcess.NOTIFICATION_ID)).longValue());
        execution.setVariable(PaymentProcess.PAYMENT_REFERENCE, check.reference());
        execution.setVariable(PaymentProcess.PAYMENT_AMOUNT, check.amount());
        execution.setVariable(PaymentProcess.CHECK_DETAILS, check.details());
    }
}
