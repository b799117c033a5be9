package fr.portailfamille.staff;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;

/**
 * Comments and attachments of tasks and process instances follow the task's authorizations. The
 * engine checks none when one is added, listed or read (it does check editing and deleting a
 * comment), so any staff member could write on, or read the notes of, another service's task. Here,
 * for the signed-in user of a request ({@code /engine-rest}, the webapps' API): adding one needs the
 * right to work on the task (the engine's own {@code checkTaskWork}) or to update the process
 * instance; reading them needs the right to read the task or the instance (or, for a closed task,
 * its history). Calls of the application itself, without a signed-in user, are not affected.
 */
class TaskNotesGuard extends CommandInterceptor {

    private enum Access { READ, WRITE }

    private static final Map<Class<?>, Access> GUARDED = Map.ofEntries(
            Map.entry(AddCommentCmd.class, Access.WRITE),
            Map.entry(CreateAttachmentCmd.class, Access.WRITE),
            Map.entry(DeleteAttachmentCmd.class, Access.WRITE),
            Map.entry(SaveAttachmentCmd.class, Access.WRITE),
            Map.entry(GetTaskCommentsCmd.class, Access.READ),
            Map.entry(GetTaskCommentCmd.class, Access.READ),
            Map.entry(GetTaskAttachmentsCmd.class, Access.READ),
            Map.entry(GetTaskAttachmentCmd.class, Access.READ),
            Map.entry(GetTaskAttachmentContentCmd.class, Access.READ),
            Map.entry(GetAttachmentCmd.class, Access.READ),
            Map.entry(GetAttachmentContentCmd.class, Access.READ),
            Map.entry(GetProcessInstanceCommentsCmd.class, Access.READ),
            Map.entry(GetProcessInstanceAttachmentsCmd.class, Access.READ));

    @Override
    public <T> T execute(Command<T> command) {
        Access access = GUARDED.get(command.getClass());
        CommandContext context = Context.getCommandContext();
        if (access != null && context != null && context.getAuthentication() != null && context.isAuthorizationCheckEnabled()) {
            check(context, command, access);
        }
        return next.execute(command);
    }

    private static void check(CommandContext context, Command<?> command, Access access) {
        String taskId = field(command, "taskId");
        String processInstanceId = field(command, "processInstanceId");
        if (taskId == null && processInstanceId == null) {
            Attachment attachment = command instanceof SaveAttachmentCmd ? (Attachment) fieldValue(command, "attachment") : null;
            String attachmentId = attachment != null ? attachment.getId() : field(command, "attachmentId");
            AttachmentEntity stored = attachmentId == null ? null : context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
            if (stored == null) {
                return; // nothing to read or change: the command answers « not found » itself
            }
            taskId = stored.getTaskId();
            processInstanceId = stored.getProcessInstanceId();
        }
        if (taskId != null) {
            checkTask(context, taskId, access);
        } else if (processInstanceId != null) {
            checkProcessInstance(context, processInstanceId, access);
        }
    }

    private static void checkTask(CommandContext context, String taskId, Access access) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            // a closed task: its notes are part of its history
            long visible = context.getProcessEngineConfiguration().getHistoryService()
                    .createHistoricTaskInstanceQuery().taskId(taskId).count();
            if (visible == 0 || access == Access.WRITE && !context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
                throw new AuthorizationException("Les notes de cette tâche ne vous sont pas accessibles.");
            }
            return;
        }
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            if (access == Access.WRITE) {
                checker.checkTaskWork(task);
            } else {
                checker.checkReadTask(task);
            }
        }
    }

    private static void checkProcessInstance(CommandContext context, String processInstanceId, Access access) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            if (access == Access.WRITE) {
                var instance = context.getExecutionManager().findExecutionById(processInstanceId);
                if (instance != null) {
                    checker.checkUpdateProcessInstance(instance);
                }
            } else {
                checker.checkReadProcessInstance(processInstanceId);
            }
        }
    }

    private static String field(Command<?> command, String name) {
        Object value = fieldValue(command, name);
        return value instanceof String s ? s : null;
    }

    /** The engine's commands keep their arguments in protected fields, without getters. */
    private static Object fieldValue(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + type.getName(), e);
            }
        }
        return null;
    }
}
