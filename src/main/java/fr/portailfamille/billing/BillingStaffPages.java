package fr.portailfamille.billing;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monthly billing runs on the finances' staff home. */
@Configuration(proxyBeanMethods = false)
class BillingStaffPages {

    @Bean
    StaffPages billingRunsOnTheStaffHome() {
        return StaffPages.of(StaffPage.of(20, "Facturation mensuelle", "/agent/facturation",
                "lancer la facturation d'un mois, suivre les runs et contrôler les factures par famille", StaffGroup.FINANCES.id()));
    }
}
