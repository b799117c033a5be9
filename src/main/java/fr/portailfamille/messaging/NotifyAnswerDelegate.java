package fr.portailfamille.messaging;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Vous avez reçu une réponse » (asyncBefore), without the answer's content. */
@Component
class NotifyAnswerDelegate implements JavaDelegate {

    private final MessagingMails mails;

    NotifyAnswerDelegate(MessagingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.answerWaiting(MessageRoutingProcess.ANSWER_ID.require(execution));
    }
}
