package fr.portailfamille.apiparticulier;

import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.ALREADY_DONE;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.ASKED;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.CHANGED;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.CHANGED_LIST;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.FAILED;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.FAILED_LIST;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.REMAINING;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.REPORT_READ;
import static fr.portailfamille.apiparticulier.QuotientRefreshProcess.YEAR;

import fr.portailfamille.system.FormRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code quotientRefresh} (each one line of work in {@link QuotientRefresh}). */
@Configuration(proxyBeanMethods = false)
class QuotientRefreshDelegates {

    /**
     * Start listener: the year (the start form's, else the clock's), the business key {@code QF-<year>}, and the
     * year taken once: a second start from Tasklist is refused in French, a second start by the timer ends at once.
     */
    @Bean
    ExecutionListener chooseRefreshYearDelegate(QuotientRefresh refresh, ApiParticulier apiParticulier, Clock clock) {
        return execution -> {
            String asked = YEAR.get(execution);
            boolean fromForm = asked != null && !asked.isBlank();
            int year = fromForm ? parse(asked.trim(), LocalDate.now(clock).getYear()) : LocalDate.now(clock).getYear();
            if (fromForm && !apiParticulier.enabled()) {
                throw new FormFieldValidationException(YEAR.name(), "API Particulier n'est pas configuré pour la commune : "
                        + "aucun quotient ne peut être demandé (voir API_PARTICULIER_URL et API_PARTICULIER_TOKEN).");
            }
            YEAR.put(execution, String.valueOf(year));
            execution.setProcessBusinessKey(QuotientRefreshProcess.businessKey(year));
            boolean taken = apiParticulier.enabled() && refresh.takeYear(year, execution.getProcessInstanceId());
            if (!taken && fromForm) {
                throw new FormFieldValidationException(YEAR.name(), "Les quotients de " + year
                        + " ont déjà été actualisés (" + QuotientRefreshProcess.businessKey(year) + ") : chaque famille est interrogée une fois par an.");
            }
            ALREADY_DONE.put(execution, !taken);
        };
    }

    @Bean
    JavaDelegate listConsentingFamiliesDelegate(QuotientRefresh refresh) {
        return execution -> {
            int year = Integer.parseInt(YEAR.require(execution));
            int count = refresh.list(year);
            ASKED.put(execution, count);
            REMAINING.put(execution, count);
        };
    }

    @Bean
    JavaDelegate fetchRefreshBatchDelegate(QuotientRefresh refresh) {
        return execution -> REMAINING.put(execution, refresh.nextBatch(Integer.parseInt(YEAR.require(execution))));
    }

    @Bean
    JavaDelegate prepareRefreshReportDelegate(QuotientRefresh refresh) {
        return execution -> {
            int year = Integer.parseInt(YEAR.require(execution));
            List<QuotientRefresh.Line> changed = refresh.changed(year);
            List<QuotientRefresh.Line> failed = refresh.notFetched(year);
            CHANGED.put(execution, changed.size());
            FAILED.put(execution, failed.size());
            CHANGED_LIST.put(execution, listed(changed, "Aucune famille n'a changé de tranche."));
            FAILED_LIST.put(execution, listed(failed, "Toutes les familles ont pu être interrogées."));
        };
    }

    /** « Examiner le rapport d'actualisation des quotients » is completed once the Guichet Unique ticked that it read it. */
    @Bean
    TaskListener requireRefreshReportReadListener() {
        return (DelegateTask task) -> {
            if (!REPORT_READ.isTrue(task)) {
                throw new FormRefusal("Cochez « J'ai pris connaissance du rapport » une fois les familles listées examinées.");
            }
        };
    }

    private static String listed(List<QuotientRefresh.Line> lines, String none) {
        return lines.isEmpty() ? none : lines.stream().map(QuotientRefresh.Line::text).collect(Collectors.joining("\n"));
    }

    private static int parse(String year, int thisYear) {
        try {
            int parsed = Integer.parseInt(year);
            if (parsed >= 2020 && parsed <= thisYear + 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FormFieldValidationException(YEAR.name(), "Année « " + year + " » invalide : saisissez une année entre 2020 et "
                + (thisYear + 1) + ", par exemple " + thisYear + ".");
    }
}
