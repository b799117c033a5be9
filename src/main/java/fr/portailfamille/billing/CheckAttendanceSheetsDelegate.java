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
        List<String> open = runs.openSheets(YearMonth.parse((String) execution.getVariable(MonthlyBillingProcess.MONTH)));
        execution.setVariable(MonthlyBillingProcess.SHEETS_OPEN, !open.isEmpty());
        execution.setVariable(MonthlyBillingProcess.OPEN_SHEETS, String.join("\n", open));
    }
}
