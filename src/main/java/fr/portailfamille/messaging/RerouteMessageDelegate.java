package fr.portailfamille.messaging;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Forwarding: the chosen service's group takes the message (the answer task is created again for it). */
@Component
class RerouteMessageDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String target = MessageRoutingProcess.FORWARD_TO.get(execution);
        MessageRoutingProcess.GROUP.put(execution, target);
        MessageRoutingProcess.FORWARD_TO.put(execution, "");
        // the reason is shown to the service that receives the message, not offered again in its form
        MessageRoutingProcess.FORWARDED_REASON.put(execution, MessageRoutingProcess.FORWARD_REASON.get(execution));
        execution.removeVariable(MessageRoutingProcess.FORWARD_REASON.name());
        execution.removeVariable(MessageRoutingProcess.ANSWER.name());
    }
}
