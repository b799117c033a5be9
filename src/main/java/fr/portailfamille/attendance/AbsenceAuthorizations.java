package fr.portailfamille.attendance;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.TasklistGrants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The services that justify absences (and the Guichet Unique, told of late ones) may read the
 * process definition and its history in Tasklist and Cockpit; the tasks themselves are granted to
 * their candidate group by the engine. Idempotent, at every start.
 */
@Component
class AbsenceAuthorizations implements ApplicationRunner {

    private final TasklistGrants grants;

    AbsenceAuthorizations(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (StaffGroup group : new StaffGroup[] {StaffGroup.ENFANCE, StaffGroup.RESTAURATION, StaffGroup.GUICHET_UNIQUE}) {
            grants.grant(group.id(), Resources.PROCESS_DEFINITION, AbsenceJustificationProcess.KEY, Permissions.READ, Permissions.READ_HISTORY);
        }
    }
}
