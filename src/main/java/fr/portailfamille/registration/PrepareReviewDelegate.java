package fr.portailfamille.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before the validation task: the read-only texts of its form (family, child, days, documents…). */
@Component
class PrepareReviewDelegate implements JavaDelegate {

    private final PreRegistrations preRegistrations;

    PrepareReviewDelegate(PreRegistrations preRegistrations) {
        this.preRegistrations = preRegistrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = PreRegistrationProcess.REGISTRATION_ID.require(execution);
        execution.setVariables(preRegistrations.reviewTexts(id));
    }
}
