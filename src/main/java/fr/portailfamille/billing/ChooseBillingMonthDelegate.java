package fr.portailfamille.billing;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code monthlyBilling}: the timer bills the month that just ended; the start
 * form's month is checked here, in the starting transaction, so a bad month starts nothing.
 */
@Component
class ChooseBillingMonthDelegate implements ExecutionListener {

    private final BillingRuns runs;

    ChooseBillingMonthDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object asked = execution.getVariable(MonthlyBillingProcess.MONTH);
        YearMonth month = asked == null || asked.toString().isBlank() ? runs.monthToBill() : parse(asked.toString().trim());
        if (month.isAfter(runs.monthToBill().plusMonths(1))) {
            throw new BillingException("Le mois " + month + " n'a pas encore commencé : il ne peut pas être facturé.");
        }
        execution.setVariable(MonthlyBillingProcess.MONTH, month.toString());
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BillingException("Mois « " + month + " » invalide : saisissez-le sous la forme AAAA-MM, par exemple 2026-03.");
        }
    }
}
