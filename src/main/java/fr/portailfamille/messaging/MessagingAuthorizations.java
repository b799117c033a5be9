package fr.portailfamille.messaging;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.TasklistGrants;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What every staff group needs in Tasklist for the messaging processes: see both definitions, and
 * start « Écrire à une famille ». Idempotent, at every start.
 */
@Component
class MessagingAuthorizations implements ApplicationRunner {

    private final TasklistGrants grants;

    MessagingAuthorizations(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (StaffGroup group : StaffGroup.values()) {
            grants.grant(group.id(), Resources.PROCESS_DEFINITION, MessageRoutingProcess.KEY, Permissions.READ);
            grants.grant(group.id(), Resources.PROCESS_DEFINITION, WriteToFamilyProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
            grants.grant(group.id(), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
    }
}
