package fr.portailfamille.billing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Publier les factures »: numbers and PDFs for every draft of the run, in one transaction. */
@Component
class PublishInvoicesDelegate implements JavaDelegate {

    private final BillingRuns runs;

    PublishInvoicesDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runs.publish(MonthlyBillingProcess.RUN_ID.require(execution));
    }
}
