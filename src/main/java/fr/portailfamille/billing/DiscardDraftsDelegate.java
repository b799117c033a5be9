package fr.portailfamille.billing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Abandonner les brouillons »: the review said no, nothing of the run is kept. */
@Component
class DiscardDraftsDelegate implements JavaDelegate {

    private final BillingRuns runs;

    DiscardDraftsDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        runs.discard(MonthlyBillingProcess.RUN_ID.require(execution));
    }
}
