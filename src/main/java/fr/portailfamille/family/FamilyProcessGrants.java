package fr.portailfamille.family;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.TasklistGrants;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The Guichet Unique's rights on the family module's processes in Tasklist: see them, and start
 * {@code familyFileCreation} with its start form. Idempotent, at every start.
 */
@Component
class FamilyProcessGrants implements ApplicationRunner {

    private final TasklistGrants grants;

    FamilyProcessGrants(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        String guichet = StaffGroup.GUICHET_UNIQUE.id();
        for (String key : new String[] {FamilyFileChangeProcess.KEY, DocumentReviewProcess.KEY}) {
            grants.grant(guichet, Resources.PROCESS_DEFINITION, key, Permissions.READ);
        }
        grants.grant(guichet, Resources.PROCESS_DEFINITION, FamilyFileCreationProcess.KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
        grants.grant(guichet, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
}
