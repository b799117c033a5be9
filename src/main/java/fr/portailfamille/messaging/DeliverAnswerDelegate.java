package fr.portailfamille.messaging;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service's answer lands, unread, in the family's inbox; the text then leaves the process variables. */
@Component
class DeliverAnswerDelegate implements JavaDelegate {

    private final Inbox inbox;

    DeliverAnswerDelegate(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long messageId = ((Number) execution.getVariable(MessageRoutingProcess.VAR_MESSAGE_ID)).longValue();
        long answerId = inbox.deliverAnswer(messageId, (String) execution.getVariable(MessageRoutingProcess.VAR_ANSWER),
                (String) execution.getVariable(MessageRoutingProcess.VAR_ANSWERED_BY));
        execution.setVariable(MessageRoutingProcess.VAR_ANSWER_ID, answerId);
        execution.removeVariable(MessageRoutingProcess.VAR_ANSWER);
    }
}
