package fr.portailfamille.family;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Guichet Unique's help messages on the staff home. */
@Configuration(proxyBeanMethods = false)
class FamilyStaffPages {

    @Bean
    StaffPages helpMessagesOnTheStaffHome() {
        return StaffPages.of(StaffPage.of(40, "Messages d'aide du portail", "/agent/aide",
                "le texte du bouton « Aide du Guichet Unique » de chaque page", StaffGroup.GUICHET_UNIQUE.id()));
    }
}
