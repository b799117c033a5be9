package fr.portailfamille.attendance;

import static fr.portailfamille.attendance.AbsenceJustificationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Records the service's decision on the absence (who decided: the agent who completed the task). */
@Component
class RecordAbsenceDecisionDelegate implements JavaDelegate {

    private final Absences absences;

    RecordAbsenceDecisionDelegate(Absences absences) {
        this.absences = absences;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication agent = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        absences.recordDecision(ABSENCE_ID.require(execution),
                ACCEPTED.isTrue(execution), REFUSAL_REASON.get(execution),
                agent == null ? null : agent.getUserId());
    }
}
