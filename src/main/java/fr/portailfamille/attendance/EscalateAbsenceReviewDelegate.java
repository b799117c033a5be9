package fr.portailfamille.attendance;

import static fr.portailfamille.attendance.AbsenceJustificationProcess.*;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.mail.MailService;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@value AbsenceJustificationProcess#REVIEW_REMINDER_WORKING_DAYS} working days without a decision: the task's priority rises and the Guichet Unique is told by mail. */
@Component
class EscalateAbsenceReviewDelegate implements JavaDelegate {

    private final TaskService tasks;
    private final IdentityService identity;
    private final MailService mail;

    EscalateAbsenceReviewDelegate(TaskService tasks, IdentityService identity, MailService mail) {
        this.tasks = tasks;
        this.identity = identity;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_REVIEW).singleResult();
        if (task == null) {
            return;
        }
        task.setPriority(ESCALATED_PRIORITY);
        tasks.saveTask(task);
        Map<String, Object> model = Map.of("absence", execution.getBusinessKey(),
                "family", String.valueOf(FAMILY.get(execution)), "child", String.valueOf(CHILD.get(execution)),
                "activity", String.valueOf(ACTIVITY.get(execution)), "day", String.valueOf(DATES.get(execution)),
                "service", String.valueOf(SERVICE_GROUP.get(execution)), "days", REVIEW_REMINDER_WORKING_DAYS);
        for (User user : identity.createUserQuery().memberOfGroup(StaffGroup.GUICHET_UNIQUE.id()).list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                mail.send(user.getEmail(), "Absence sans décision depuis " + REVIEW_REMINDER_WORKING_DAYS + " jours ouvrés", "absence-escalated", model);
            }
        }
    }
}
