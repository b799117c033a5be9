package fr.portailfamille.agent;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent's workspace on the staff home: the families for every service, the health-sheet reads for the administrators. */
@Configuration(proxyBeanMethods = false)
class AgentStaffPages {

    @Bean
    StaffPages familiesOnTheStaffHome() {
        return StaffPages.of(
                StaffPage.of(10, "Rechercher une famille", "/agent/dossiers",
                        "par numéro de dossier, nom, prénom d'un enfant ou e-mail", StaffPage.everyService()),
                StaffPage.of(50, "Exports pour tableur", "/agent/exports",
                        "inscriptions, réservations du mois, factures et paiements en CSV", StaffPage.everyService()),
                StaffPage.of(70, "Consultations des fiches sanitaires", "/agent/fiches-sanitaires/consultations",
                        "qui a lu la fiche sanitaire de quel enfant, et quand", StaffGroup.ADMIN));
    }
}
