package fr.portailfamille.payment;

import fr.portailfamille.system.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** « Vérifier les paiements en attente » is completed only once finances ticked that it checked them (the form is checked again here). */
@Component
class RequirePendingPaymentsCheckedListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!PaymentProcess.PENDING_CHECKED.isTrue(task)) {
            throw new FormRefusal("Cochez « J'ai vérifié ces paiements » une fois la vérification faite.");
        }
    }
}
