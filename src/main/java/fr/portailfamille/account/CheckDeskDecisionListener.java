package fr.portailfamille.account;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of « Rattacher le compte à un dossier famille »: the form's answer is checked again
 * on the server and the link made; a refusal keeps the task open with its French message.
 */
@Component
class CheckDeskDecisionListener implements TaskListener {

    private final AccountActivation activation;

    CheckDeskDecisionListener(AccountActivation activation) {
        this.activation = activation;
    }

    @Override
    public void notify(DelegateTask task) {
        long accountId = AccountActivationProcess.ACCOUNT_ID.require(task);
        activation.applyDeskDecision(accountId, AccountActivationProcess.DECISION.get(task),
                AccountActivationProcess.FILE_NUMBER.get(task));
    }
}
