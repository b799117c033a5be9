package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import static fr.portailfamille.billing.MonthlyBillingProcess.*;

import fr.portailfamille.system.PortalProperties;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Calculer les brouillons »: opens the month's run (once) and computes its drafts; the totals go to the review form. */
@Component
class ComputeDraftsDelegate implements JavaDelegate {

    private final BillingRuns runs;
    private final PortalProperties portal;

    ComputeDraftsDelegate(BillingRuns runs, PortalProperties portal) {
        this.runs = runs;
        this.portal = portal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = YearMonth.parse(MONTH.get(execution));
        long runId = runs.open(month, execution.getProcessInstanceId());
        RUN_ID.put(execution, runId);
        BillingRuns.Totals totals = runs.computeDrafts(runId);
        RUN_MONTH.put(execution, month.toString());
        RUN_FAMILIES.put(execution, totals.families());
        RUN_INVOICES.put(execution, totals.invoices());
        RUN_AMOUNT.put(execution, Euros.of(totals.amount()));
        RUN_WITHOUT_QUOTIENT.put(execution, totals.withoutQuotient());
        RUN_REVIEW_LINK.put(execution, "[Voir la facturation famille par famille, les anomalies en premier (nouvel onglet)]("
                + portal.link("/agent/facturation/" + runId) + ")");
        RUN_CREDIT_NOTES.put(execution, totals.adjustments().creditNotesText());
        RUN_REGULARISATIONS.put(execution, totals.adjustments().regularisationsText());
        RUN_NET_AMOUNT.put(execution, totals.adjustments().netText());
    }
}
