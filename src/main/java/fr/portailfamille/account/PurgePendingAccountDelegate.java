package fr.portailfamille.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Supprimer le compte non activé »: after 24 h without activation the account and its data go. */
@Component
class PurgePendingAccountDelegate implements JavaDelegate {

    private final AccountActivation activation;

    PurgePendingAccountDelegate(AccountActivation activation) {
        this.activation = activation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        activation.purgePending(AccountActivationProcess.ACCOUNT_ID.require(execution));
    }
}
