package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendChangeAppliedMail} and {@code Task_SendChangeRefusedMail} (asynchronous): the family is told the decision. */
@Component
class SendChangeDecisionMailDelegate implements JavaDelegate {

    private final ChangeRequests requests;

    SendChangeDecisionMailDelegate(ChangeRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.mailDecision(FamilyFileChangeProcess.CHANGE_REQUEST_ID.require(execution));
    }
}
