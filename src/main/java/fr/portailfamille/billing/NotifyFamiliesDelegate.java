package fr.portailfamille.billing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Prévenir les familles »: the mail « nouvelle facture disponible », once per family. */
@Component
class NotifyFamiliesDelegate implements JavaDelegate {

    private final BillingRuns runs;

    NotifyFamiliesDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runs.notifyFamilies(((Number) execution.getVariable(MonthlyBillingProcess.RUN_ID)).longValue());
    }
}
