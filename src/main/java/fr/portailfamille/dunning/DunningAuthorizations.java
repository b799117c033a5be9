package fr.portailfamille.dunning;

import fr.portailfamille.staff.ProcessGrants;
import fr.portailfamille.staff.StaffGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Finances work « Émettre un titre de recette » in Tasklist: they may read the reminder process and its history. */
@Configuration(proxyBeanMethods = false)
class DunningAuthorizations {

    @Bean
    ProcessGrants dunningProcessGrants() {
        return ProcessGrants.declare().readWithHistory(UnpaidInvoiceProcess.KEY, StaffGroup.FINANCES);
    }
}
