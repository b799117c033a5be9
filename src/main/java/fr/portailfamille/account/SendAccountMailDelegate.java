package fr.portailfamille.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mail steps after activation (asyncBefore): welcome, linked by the Guichet Unique, come to the desk. */
@Component
class SendAccountMailDelegate implements JavaDelegate {

    private final AccountActivation activation;

    SendAccountMailDelegate(AccountActivation activation) {
        this.activation = activation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long accountId = AccountActivationProcess.ACCOUNT_ID.require(execution);
        activation.sendMail(accountId, execution.getCurrentActivityId());
    }
}
