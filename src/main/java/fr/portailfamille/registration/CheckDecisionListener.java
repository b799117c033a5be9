package fr.portailfamille.registration;

import fr.portailfamille.system.StaffDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of « Valider la pré-inscription »: the form is checked again on the server. No
 * choice between « Valider » and « Refuser », or a refusal without a reason, is refused with a French
 * sentence: the task stays open. The choice becomes the process's {@code approved}.
 */
@Component
class CheckDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean approved = StaffDecision.chosen(task.getVariable(StaffDecision.CHOICE), task.getVariable(PreRegistrationProcess.APPROVED.name()),
                StaffDecision.VALIDATE, StaffDecision.REFUSE, "Choisissez « Valider » ou « Refuser » la pré-inscription.");
        StaffDecision.reason(approved, task.getVariable(PreRegistrationProcess.REASON.name()), 1000);
        PreRegistrationProcess.APPROVED.put(task, approved);
    }
}
