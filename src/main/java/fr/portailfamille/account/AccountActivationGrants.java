package fr.portailfamille.account;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.TasklistGrants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What the Guichet Unique needs in Tasklist for « Rattacher le compte à un dossier famille »: read
 * the process definition (its form, its diagram). The task itself is granted to its candidate
 * group by the engine. Idempotent, at every start.
 */
@Component
class AccountActivationGrants implements ApplicationRunner {

    private final TasklistGrants grants;

    AccountActivationGrants(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        grants.grant(StaffGroup.GUICHET_UNIQUE.id(), Resources.PROCESS_DEFINITION, AccountActivationProcess.KEY,
                Permissions.READ, Permissions.READ_HISTORY);
    }
}
