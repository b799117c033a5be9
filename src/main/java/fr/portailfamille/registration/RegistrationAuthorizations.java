package fr.portailfamille.registration;

import static fr.portailfamille.staff.StaffGroup.ENFANCE;
import static fr.portailfamille.staff.StaffGroup.GUICHET_UNIQUE;
import static fr.portailfamille.staff.StaffGroup.RESTAURATION;

import fr.portailfamille.staff.ProcessGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services that validate pre-registrations may read the process definition in Tasklist. The
 * process is shared by several services, so none reads the history of the whole definition: each
 * reads the history of the instances whose task it was given (granted by the engine with the task);
 * the definition-wide history an earlier version granted is taken back.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationAuthorizations {

    @Bean
    ProcessGrants registrationProcessGrants() {
        return ProcessGrants.declare().readWithoutHistory(PreRegistrationProcess.KEY, ENFANCE, RESTAURATION, GUICHET_UNIQUE);
    }
}
