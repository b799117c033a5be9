package fr.portailfamille.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The French mail telling the family the service's decision (asynchronous step: a mail outage is retried). */
@Component
class MailDecisionDelegate implements JavaDelegate {

    private final PreRegistrations preRegistrations;

    MailDecisionDelegate(PreRegistrations preRegistrations) {
        this.preRegistrations = preRegistrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        preRegistrations.mailDecision(PreRegistrationProcess.REGISTRATION_ID.require(execution));
    }
}
