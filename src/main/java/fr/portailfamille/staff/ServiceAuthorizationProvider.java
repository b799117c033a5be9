package fr.portailfamille.staff;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's own task authorizations (a candidate group or user may read and work on the task, and
 * read its history), plus the history of the task's process instance: whoever the engine lets work
 * on one task of an instance may read that instance's history (its variables, activities, details),
 * and nobody else but an administrator. Several services share one process (a pre-registration is
 * validated by the activity's service), so a grant on the whole process definition's history would
 * open every service's instances to every other.
 */
class ServiceAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String userId, String groupId) {
        AuthorizationEntity[] taskGrants = super.createOrUpdateAuthorizations(task, userId, groupId);
        String instance = task.getProcessInstanceId();
        if (instance == null || !isHistoricInstancePermissionsEnabled()) {
            return taskGrants;
        }
        AuthorizationEntity history = getGrantAuthorization(instance, userId, groupId, Resources.HISTORIC_PROCESS_INSTANCE);
        if (history == null) {
            history = createAuthorization(userId, groupId, Resources.HISTORIC_PROCESS_INSTANCE, instance,
                    HistoricProcessInstancePermissions.READ);
            provideRemovalTime(history, task);
        } else {
            addPermissions(history, HistoricProcessInstancePermissions.READ);
        }
        AuthorizationEntity[] all = Arrays.copyOf(taskGrants, taskGrants.length + 1);
        all[taskGrants.length] = history;
        return all;
    }
}
