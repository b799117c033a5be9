package fr.portailfamille.payment;

import fr.portailfamille.staff.StaffGroup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records what finances did in « Vérifier un paiement ». The form is checked again here: without
 * the confirmation the task cannot be completed.
 */
@Component
class RecordPaymentCheckDelegate implements JavaDelegate {

    private final PaymentChecks checks;

    RecordPaymentCheckDelegate(PaymentChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!PaymentProcess.CHECK_DONE.isTrue(execution)) {
            throw new IllegalArgumentException("Cochez « J'ai vérifié ce paiement » une fois le paiement remboursé ou rattaché.");
        }
        Object comment = execution.getVariable(PaymentProcess.CHECK_COMMENT.name());
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        checks.recordDone(PaymentProcess.NOTIFICATION_ID.require(execution),
                authentication == null ? StaffGroup.FINANCES.id() : authentication.getUserId(), comment == null ? null : comment.toString());
    }
}
