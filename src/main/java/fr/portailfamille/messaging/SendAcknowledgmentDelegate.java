package fr.portailfamille.messaging;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Confirmation par mail »: tells the family its message was sent (asyncBefore). */
@Component
class SendAcknowledgmentDelegate implements JavaDelegate {

    private final MessagingMails mails;

    SendAcknowledgmentDelegate(MessagingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.acknowledge(MessageRoutingProcess.MESSAGE_ID.require(execution));
    }
}
