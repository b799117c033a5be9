package fr.portailfamille.registration;

import fr.portailfamille.staff.TasklistGrants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The services that validate pre-registrations may read the process definition in Tasklist. The
 * process is shared by several services, so none reads the history of the whole definition: each
 * reads the history of the instances whose task it was given (granted by the engine with the task).
 * Idempotent, at every start; takes back the definition-wide history an earlier version granted.
 */
@Component
class RegistrationAuthorizations implements ApplicationRunner {

    static final List<String> GROUPS = List.of("enfance", "restauration", PreRegistrationProcess.GUICHET_UNIQUE);

    private final TasklistGrants grants;

    RegistrationAuthorizations(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : GROUPS) {
            grants.grant(group, Resources.PROCESS_DEFINITION, PreRegistrationProcess.KEY, Permissions.READ);
            grants.revoke(group, Resources.PROCESS_DEFINITION, PreRegistrationProcess.KEY, Permissions.READ_HISTORY);
        }
    }
}
