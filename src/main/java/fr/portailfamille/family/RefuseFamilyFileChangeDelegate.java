package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RefuseFamilyFileChange}: the request is marked refused, with the agent's reason. */
@Component
class RefuseFamilyFileChangeDelegate implements JavaDelegate {

    private final ChangeRequests requests;

    RefuseFamilyFileChangeDelegate(ChangeRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewDecision decision = ReviewDecision.of(execution.getVariable(FamilyFileChangeProcess.APPROVED),
                execution.getVariable(FamilyFileChangeProcess.REASON));
        requests.refuse(FamilyFileChangeProcess.CHANGE_REQUEST_ID.require(execution), decision.reason());
    }
}
