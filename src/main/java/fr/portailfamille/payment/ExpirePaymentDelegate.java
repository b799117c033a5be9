package fr.portailfamille.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Timer first: expires the payment if nothing settled it meanwhile, and tells the gateway which status it has. */
@Component
class ExpirePaymentDelegate implements JavaDelegate {

    private final PaymentService payments;

    ExpirePaymentDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long paymentId = PaymentProcess.PAYMENT_ID.require(execution);
        PaymentProcess.PAYMENT_STATUS.put(execution, payments.expireIfPending(paymentId).name());
    }
}
