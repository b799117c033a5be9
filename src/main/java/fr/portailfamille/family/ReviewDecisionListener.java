package fr.portailfamille.family;

import fr.portailfamille.system.StaffDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of a review task: refuses a form without a choice between « Accepter » and
 * « Refuser », or a refusal without a reason (a French sentence, the task stays open); the choice
 * becomes the process's {@code approved}.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

    static final String ACCEPT = "accepter";

    @Override
    public void notify(DelegateTask task) {
        boolean approved = StaffDecision.chosen(task.getVariable(StaffDecision.CHOICE), task.getVariable(ReviewDecision.APPROVED),
                ACCEPT, StaffDecision.REFUSE, "Choisissez « Accepter » ou « Refuser » la demande.");
        ReviewDecision.of(approved, task.getVariable(ReviewDecision.REASON));
        task.setVariable(ReviewDecision.APPROVED, approved);
    }
}
