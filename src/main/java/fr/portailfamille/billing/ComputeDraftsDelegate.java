package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import static fr.portailfamille.billing.MonthlyBillingProcess.*;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Calculer les brouillons »: opens the month's run (once) and computes its drafts; the totals go to the review form. */
@Component
class ComputeDraftsDelegate implements JavaDelegate {

    private final BillingRuns runs;

    ComputeDraftsDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.parse((String) execution.getVariable(MONTH));
        long runId = runs.open(month, execution.getProcessInstanceId());
        execution.setVariable(RUN_ID, runId);
        BillingRuns.Totals totals = runs.computeDrafts(runId);
        execution.setVariable(RUN_MONTH, month.toString());
        execution.setVariable(RUN_FAMILIES, totals.families());
        execution.setVariable(RUN_INVOICES, totals.invoices());
        execution.setVariable(RUN_AMOUNT, Euros.of(totals.amount()));
        execution.setVariable(RUN_WITHOUT_QUOTIENT, totals.withoutQuotient());
    }
}
