package fr.portailfamille.billing;

import fr.portailfamille.system.StaffDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of « Contrôler la facturation »: the form's explicit choice (« Publier » or
 * « Annuler »; no default) is checked again on the server and becomes the process's {@code publish}.
 */
@Component
class CheckBillingDecisionDelegate implements TaskListener {

    static final String PUBLISH = "publier";
    static final String CANCEL = "annuler";

    @Override
    public void notify(DelegateTask task) {
        boolean publish = StaffDecision.chosen(task.getVariable(StaffDecision.CHOICE), task.getVariable(MonthlyBillingProcess.PUBLISH.name()),
                PUBLISH, CANCEL, "Choisissez « Publier les factures » ou « Annuler la facturation ».");
        MonthlyBillingProcess.PUBLISH.put(task, publish);
    }
}
