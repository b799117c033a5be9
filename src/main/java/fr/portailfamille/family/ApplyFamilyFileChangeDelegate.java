package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ApplyFamilyFileChange}: the accepted change is written into the family file. */
@Component
class ApplyFamilyFileChangeDelegate implements JavaDelegate {

    private final ChangeRequests requests;

    ApplyFamilyFileChangeDelegate(ChangeRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.apply(FamilyFileChangeProcess.CHANGE_REQUEST_ID.require(execution));
    }
}
