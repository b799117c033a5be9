package fr.portailfamille.attendance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The French mail telling the family the service's decision (asynchronous step: a mail outage is retried). */
@Component
class MailAbsenceDecisionDelegate implements JavaDelegate {

    private final Absences absences;

    MailAbsenceDecisionDelegate(Absences absences) {
        this.absences = absences;
    }

    @Override
    public void execute(DelegateExecution execution) {
        absences.mailDecision(AbsenceJustificationProcess.ABSENCE_ID.require(execution));
    }
}
