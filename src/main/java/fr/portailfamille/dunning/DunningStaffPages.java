package fr.portailfamille.dunning;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The late invoices on the finances' staff home. */
@Configuration(proxyBeanMethods = false)
class DunningStaffPages {

    @Bean
    StaffPages lateInvoicesOnTheStaffHome() {
        return StaffPages.of(StaffPage.of(25, "Relances", "/agent/relances",
                "factures impayées par ancienneté, courriers de relance à imprimer, titres de recette à transmettre",
                StaffGroup.FINANCES.id()));
    }
}
