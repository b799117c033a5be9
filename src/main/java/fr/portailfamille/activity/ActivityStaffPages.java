package fr.portailfamille.activity;

import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue on the staff home: every service manages its own activities there. */
@Configuration(proxyBeanMethods = false)
class ActivityStaffPages {

    @Bean
    StaffPages catalogueOnTheStaffHome() {
        return StaffPages.of(StaffPage.of(30, "Catalogue des activités", "/agent/activites",
                "jours, périodes, fermetures et tarifs des activités de votre service", StaffPage.everyService()));
    }
}
