package fr.portailfamille.attendance;

import fr.portailfamille.system.StaffDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of « Justifier l'absence »: the form is checked again on the server. No choice
 * between « Accepter » and « Refuser », or a refusal without a reason, is refused with a French
 * sentence: the task stays open. The choice becomes the process's {@code accepted}.
 */
@Component
class CheckAbsenceDecisionListener implements TaskListener {

    static final String ACCEPT = "accepter";

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = StaffDecision.chosen(task.getVariable(StaffDecision.CHOICE), task.getVariable(AbsenceJustificationProcess.ACCEPTED.name()),
                ACCEPT, StaffDecision.REFUSE, "Choisissez « Accepter » ou « Refuser » la justification.");
        StaffDecision.reason(accepted, task.getVariable(AbsenceJustificationProcess.REFUSAL_REASON.name()), 1000);
        AbsenceJustificationProcess.ACCEPTED.put(task, accepted);
    }
}
