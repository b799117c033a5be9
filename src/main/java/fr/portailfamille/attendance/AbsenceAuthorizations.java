package fr.portailfamille.attendance;

import static fr.portailfamille.staff.StaffGroup.ENFANCE;
import static fr.portailfamille.staff.StaffGroup.GUICHET_UNIQUE;
import static fr.portailfamille.staff.StaffGroup.RESTAURATION;

import fr.portailfamille.staff.ProcessGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services that justify absences (and the Guichet Unique, told of late ones) may read the
 * process definition and its history in Tasklist and Cockpit.
 */
@Configuration(proxyBeanMethods = false)
class AbsenceAuthorizations {

    @Bean
    ProcessGrants absenceProcessGrants() {
        return ProcessGrants.declare()
                .readWithHistory(AbsenceJustificationProcess.KEY, ENFANCE, RESTAURATION, GUICHET_UNIQUE);
    }
}
