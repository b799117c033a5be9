package fr.portailfamille.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Timer first: expires the payment if nothing settled it meanwhile (a PayFiP payment after asking
 * the Treasury once more), and tells the gateway which status it has.
 */
@Component
class ExpirePaymentDelegate implements JavaDelegate {

    private final PaymentService payments;
    private final PayFipPayments payFip;

    ExpirePaymentDelegate(PaymentService payments, PayFipPayments payFip) {
        this.payments = payments;
        this.payFip = payFip;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long paymentId = PaymentProcess.PAYMENT_ID.require(execution);
        payFip.askBeforeExpiry(paymentId);
        PaymentProcess.PAYMENT_STATUS.put(execution, payments.expireIfPending(paymentId).name());
    }
}
