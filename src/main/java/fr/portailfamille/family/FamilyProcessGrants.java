package fr.portailfamille.family;

import static fr.portailfamille.staff.StaffGroup.GUICHET_UNIQUE;

import fr.portailfamille.staff.ProcessGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Guichet Unique's rights on the family module's processes in Tasklist: see them, and start
 * {@code familyFileCreation} with its start form.
 */
@Configuration(proxyBeanMethods = false)
class FamilyProcessGrants {

    @Bean
    ProcessGrants familyFileProcessGrants() {
        return ProcessGrants.declare()
                .read(FamilyFileChangeProcess.KEY, GUICHET_UNIQUE)
                .read(DocumentReviewProcess.KEY, GUICHET_UNIQUE)
                .start(FamilyFileCreationProcess.KEY, GUICHET_UNIQUE);
    }
}
