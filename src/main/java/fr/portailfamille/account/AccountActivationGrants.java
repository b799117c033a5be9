package fr.portailfamille.account;

import fr.portailfamille.staff.ProcessGrants;
import fr.portailfamille.staff.StaffGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the Guichet Unique needs in Tasklist for « Rattacher le compte à un dossier famille »: read
 * the process definition (its form, its diagram) and its history.
 */
@Configuration(proxyBeanMethods = false)
class AccountActivationGrants {

    @Bean
    ProcessGrants accountActivationProcessGrants() {
        return ProcessGrants.declare().readWithHistory(AccountActivationProcess.KEY, StaffGroup.GUICHET_UNIQUE);
    }
}
