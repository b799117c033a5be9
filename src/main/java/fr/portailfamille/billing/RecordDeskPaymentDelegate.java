package fr.portailfamille.billing;

import static fr.portailfamille.billing.DeskPaymentProcess.*;

import fr.portailfamille.system.BusinessKeys;
import fr.portailfamille.system.Euros;
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
        DeskPayments.Request request = payments.check(execution.getVariable(FILE_NUMBER.name()), execution.getVariable(MODE.name()),
                execution.getVariable(AMOUNT.name()), execution.getVariable(INVOICE_NUMBERS.name()));
        DeskPayments.Recorded recorded = payments.record(request, STARTED_BY.get(execution),
                execution.getProcessInstanceId());
        DESK_PAYMENT_ID.put(execution, recorded.deskPaymentId());
        CREDIT.put(execution, Euros.of(recorded.credit()));
        execution.setVariable("familyName", request.family().name() + " (dossier n° " + request.family().number() + ")");
        execution.setProcessBusinessKey(BusinessKeys.of("PAY", recorded.deskPaymentId(), request.family().name()));
    }
}
