package fr.portailfamille.billing;

import fr.portailfamille.system.PortalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code monthlyBilling}: the timer bills the month that just ended; the start
 * form's month is checked here, in the starting transaction, so a bad month, a month that has
 * not ended (December on 2 December), or a month with day sheets still open, starts nothing.
 */
@Component
class ChooseBillingMonthDelegate implements ExecutionListener {

    private static final DateTimeFormatter FIRST_DAY = DateTimeFormatter.ofPattern("'1er' MMMM yyyy", PortalTime.FRENCH);

    private final BillingRuns runs;

    ChooseBillingMonthDelegate(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        try {
            choose(execution);
        } catch (BillingException refusal) {
            // a form field's refusal: the REST API (Tasklist's start form) answers 400 with the French reason
            throw new FormFieldValidationException(MonthlyBillingProcess.MONTH.name(), refusal.getMessage(), refusal);
        }
    }

    private void choose(DelegateExecution execution) {
        Object asked = execution.getVariable(MonthlyBillingProcess.MONTH.name());
        YearMonth month = asked == null || asked.toString().isBlank() ? runs.monthToBill() : parse(asked.toString().trim());
        if (month.isAfter(runs.monthToBill())) {
            // a month is billed once it has ended: its days have all happened (or been cancelled)
            throw new BillingException("Le mois de " + PortalTime.MONTH.format(month) + " n'est pas terminé : il pourra être facturé à partir du "
                    + FIRST_DAY.format(month.plusMonths(1)) + ".");
        }
        if (asked != null) {
            // asked in Tasklist or on the staff page: refused at once while sheets are open (the timer's run waits in a task instead)
            refuseWhileSheetsOpen(month);
        }
        MonthlyBillingProcess.MONTH.put(execution, month.toString());
        execution.setProcessBusinessKey("FAC-" + month);
    }

    private void refuseWhileSheetsOpen(YearMonth month) {
        List<String> open = runs.openSheets(month);
        if (!open.isEmpty()) {
            String listed = String.join(", ", open.subList(0, Math.min(10, open.size())))
                    + (open.size() > 10 ? " et " + (open.size() - 10) + " autre(s)" : "");
            throw new BillingException("Le mois de " + PortalTime.MONTH.format(month) + " est facturé d'après les présences : "
                    + open.size() + " feuille(s) de présence ne sont pas clôturées (" + listed
                    + "). Faites-les clôturer sur « Feuilles de présence », puis relancez.");
        }
    }

    private static YearMonth parse(String month) {
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 2000) {
                throw new BillingException("Mois « " + month + " » trop ancien : la facturation commence en 2000.");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new BillingException("Mois « " + month + " » invalide : saisissez-le sous la forme AAAA-MM, par exemple 2026-03.");
        }
    }
}
