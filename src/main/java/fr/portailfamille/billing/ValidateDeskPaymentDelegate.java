package fr.portailfamille.billing;

import static fr.portailfamille.billing.DeskPaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of {@code deskPayment}: a bad request fails the start itself, with its message, and changes nothing. */
@Component
class ValidateDeskPaymentDelegate implements ExecutionListener {

    private final DeskPayments payments;

    ValidateDeskPaymentDelegate(DeskPayments payments) {
        this.payments = payments;
    }

    @Override
    public void notify(DelegateExecution execution) {
        payments.check(execution.getVariable(FILE_NUMBER.name()), execution.getVariable(MODE.name()), execution.getVariable(AMOUNT.name()),
                execution.getVariable(INVOICE_NUMBERS.name()));
    }
}
