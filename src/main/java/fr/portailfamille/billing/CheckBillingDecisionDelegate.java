package fr.portailfamille.billing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of « Contrôler la facturation »: the form's decision is checked again on the server. */
@Component
class CheckBillingDecisionDelegate implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!(task.getVariable(MonthlyBillingProcess.PUBLISH.name()) instanceof Boolean)) {
            throw new BillingException("Indiquez si les factures doivent être publiées (case « Publier les factures »).");
        }
    }
}
