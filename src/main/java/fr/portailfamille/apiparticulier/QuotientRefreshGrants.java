package fr.portailfamille.apiparticulier;

import fr.portailfamille.staff.ProcessGrants;
import fr.portailfamille.staff.StaffGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Guichet Unique starts the yearly refresh in Tasklist and reads its report. */
@Configuration(proxyBeanMethods = false)
class QuotientRefreshGrants {

    @Bean
    ProcessGrants quotientRefreshProcessGrants() {
        return ProcessGrants.declare().start(QuotientRefreshProcess.KEY, StaffGroup.GUICHET_UNIQUE);
    }
}
