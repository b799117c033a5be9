package fr.portailfamille.messaging;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not answered in time: the answer task's priority rises and the Guichet Unique is told by mail (asyncBefore). */
@Component
class EscalateMessageDelegate implements JavaDelegate {

    private final MessagingMails mails;

    EscalateMessageDelegate(MessagingMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MessageRoutingProcess.TASK_ANSWER).list()
                .forEach(task -> tasks.setPriority(task.getId(), MessageRoutingProcess.LATE_PRIORITY));
        mails.late(MessageRoutingProcess.MESSAGE_ID.require(execution),
                MessageRoutingProcess.GROUP.get(execution));
    }
}
