package fr.portailfamille.debit;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import of the bank's rejects on the finances' staff home (the batches themselves are reviewed in Tasklist). */
@Configuration(proxyBeanMethods = false)
class DebitStaffPages {

    @Bean
    StaffPages debitRejectsOnTheStaffHome() {
        return StaffPages.of(StaffPage.of(27, "Rejets de prélèvement", "/agent/prelevement/rejets",
                "importer le retour de la banque (pain.002 ou CSV) : factures rejetées remises à payer, familles prévenues",
                StaffGroup.FINANCES.id()));
    }
}
