package fr.portailfamille.messaging;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Forwarding: the chosen service's group takes the message (the answer task is created again for it). */
@Component
class RerouteMessageDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String target = (String) execution.getVariable(MessageRoutingProcess.VAR_FORWARD_TO);
        execution.setVariable(MessageRoutingProcess.VAR_GROUP, target);
        execution.setVariable(MessageRoutingProcess.VAR_FORWARD_TO, "");
        execution.removeVariable(MessageRoutingProcess.VAR_ANSWER);
    }
}
