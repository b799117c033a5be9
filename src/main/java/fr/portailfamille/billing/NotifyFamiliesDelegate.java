package fr.portailfamille.billing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Prévenir les familles »: the mail « nouvelle facture disponible », once per family, one batch
 * per job; the model loops back here (a new job) while families are left to tell.
 */
@Component
class NotifyFamiliesDelegate implements JavaDelegate {

    private final BillingRuns runs;
    private final BillingProperties properties;

    NotifyFamiliesDelegate(BillingRuns runs, BillingProperties properties) {
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer batchSize = MonthlyBillingProcess.NOTIFY_BATCH_SIZE.get(execution);
        int left = runs.notifyNextFamilies(MonthlyBillingProcess.RUN_ID.require(execution),
                batchSize == null ? properties.notifyBatchSize() : batchSize);
        MonthlyBillingProcess.FAMILIES_LEFT.put(execution, left > 0);
    }
}
