package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of a review task: refuses a form without a decision, or a refusal without a reason. */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision.of(task.getVariable(ReviewDecision.APPROVED), task.getVariable(ReviewDecision.REASON));
    }
}
