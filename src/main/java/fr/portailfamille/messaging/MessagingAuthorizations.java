package fr.portailfamille.messaging;

import fr.portailfamille.staff.ProcessGrants;
import fr.portailfamille.staff.StaffGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every staff group needs in Tasklist for the messaging processes: see both definitions, and
 * start « Écrire à une famille ».
 */
@Configuration(proxyBeanMethods = false)
class MessagingAuthorizations {

    @Bean
    ProcessGrants messagingProcessGrants() {
        return ProcessGrants.declare()
                .read(MessageRoutingProcess.KEY, StaffGroup.values())
                .start(WriteToFamilyProcess.KEY, StaffGroup.values());
    }
}
