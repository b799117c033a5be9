package fr.portailfamille.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Envoyer le lien d'activation » (asyncBefore): a new single-use link mailed to the family. */
@Component
class SendActivationLinkDelegate implements JavaDelegate {

    private final AccountActivation activation;

    SendActivationLinkDelegate(AccountActivation activation) {
        this.activation = activation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        activation.sendActivationLink(AccountActivationProcess.ACCOUNT_ID.require(execution));
    }
}
