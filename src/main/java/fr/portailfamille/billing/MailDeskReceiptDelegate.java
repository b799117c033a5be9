package fr.portailfamille.billing;

import static fr.portailfamille.billing.DeskPaymentProcess.DESK_PAYMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Envoyer le reçu à la famille »: the receipt's PDF mailed to every address of the family (an asynchronous step: retried). */
@Component
class MailDeskReceiptDelegate implements JavaDelegate {

    private final DeskPayments payments;

    MailDeskReceiptDelegate(DeskPayments payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.mailReceipt(DESK_PAYMENT_ID.require(execution));
    }
}
