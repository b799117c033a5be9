package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import static fr.portailfamille.billing.DeskPaymentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Enregistrer le paiement »: the invoices are settled, any surplus becomes a credit. */
@Component
class RecordDeskPaymentDelegate implements JavaDelegate {

    private final DeskPayments payments;

    RecordDeskPaymentDelegate(DeskPayments payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeskPayments.Request request = payments.check(execution.getVariable(FILE_NUMBER), execution.getVariable(MODE),
                execution.getVariable(AMOUNT), execution.getVariable(INVOICE_NUMBERS));
        DeskPayments.Recorded recorded = payments.record(request, (String) execution.getVariable(STARTED_BY),
                execution.getProcessInstanceId());
        execution.setVariable(DESK_PAYMENT_ID, recorded.deskPaymentId());
        execution.setVariable(CREDIT, Euros.of(recorded.credit()));
    }
}
