package fr.portailfamille.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the family the receipt of a paid payment (asyncBefore: a mail outage is a retryable incident). */
@Component
class SendPaymentReceiptDelegate implements JavaDelegate {

    private final PaymentReceipts receipts;

    SendPaymentReceiptDelegate(PaymentReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        receipts.send(PaymentProcess.PAYMENT_ID.require(execution));
    }
}
