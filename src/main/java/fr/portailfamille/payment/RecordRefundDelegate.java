package fr.portailfamille.payment;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records what finances did in « Rembourser un paiement ». The form is checked again here: without
 * the confirmation the task cannot be completed.
 */
@Component
class RecordRefundDelegate implements JavaDelegate {

    private final PaymentRefunds refunds;

    RecordRefundDelegate(PaymentRefunds refunds) {
        this.refunds = refunds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!PaymentProcess.REFUND_DONE.isTrue(execution)) {
            throw new FormRefusal("Cochez « J'ai remboursé ce paiement » une fois le remboursement fait.");
        }
        Object comment = execution.getVariable(PaymentProcess.REFUND_COMMENT.name());
        String by = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? StaffGroup.FINANCES.id()
                : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        long paymentId = PaymentProcess.PAYMENT_ID.require(execution);
        refunds.recordDone(paymentId, DescribeRefundDelegate.refundId(execution), by, comment == null ? null : comment.toString());
    }
}
