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
        execution.removeVariable(MessageRoutingProcess.ANSWER.name());
    }
}
