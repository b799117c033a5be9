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
        long messageId = MessageRoutingProcess.MESSAGE_ID.require(execution);
        long answerId = inbox.deliverAnswer(messageId, MessageRoutingProcess.ANSWER.get(execution),
                MessageRoutingProcess.ANSWERED_BY.get(execution));
        MessageRoutingProcess.ANSWER_ID.put(execution, answerId);
        execution.removeVariable(MessageRoutingProcess.ANSWER.name());
    }
}
