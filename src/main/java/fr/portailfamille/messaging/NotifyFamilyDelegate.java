package fr.portailfamille.messaging;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Vous avez reçu un message » (asyncBefore), without the message's content. */
@Component
class NotifyFamilyDelegate implements JavaDelegate {

    private final MessagingMails mails;

    NotifyFamilyDelegate(MessagingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.newMessage(WriteToFamilyProcess.MESSAGE_ID.require(execution));
    }
}
