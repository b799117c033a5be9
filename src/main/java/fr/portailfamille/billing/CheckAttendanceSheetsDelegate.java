package fr.portailfamille.billing;

import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Vérifier que les feuilles de présence du mois sont clôturées »: lists the open ones for finances' task. */
@Component
class CheckAttendanceSheetsDelegate implements JavaDelegate {

    private final BillingRuns runs;

    CheckAttendanceSheetsDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> open = runs.openSheets(YearMonth.parse(MonthlyBillingProcess.MONTH.require(execution)));
        MonthlyBillingProcess.SHEETS_OPEN.put(execution, !open.isEmpty());
        MonthlyBillingProcess.OPEN_SHEETS.put(execution, String.join("\n", open));
    }
}
