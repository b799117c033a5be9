package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the validation task: the registration becomes validated (green) or refused (red, with the reason). */
@Component
class RecordDecisionDelegate implements JavaDelegate {

    private final PreRegistrations preRegistrations;

    RecordDecisionDelegate(PreRegistrations preRegistrations) {
        this.preRegistrations = preRegistrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = REGISTRATION_ID.require(execution);
        boolean approved = APPROVED.isTrue(execution);
        String reason = REASON.get(execution);
        String by = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        preRegistrations.decide(id, approved, reason, by);
    }
}
