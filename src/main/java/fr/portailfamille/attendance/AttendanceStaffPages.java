package fr.portailfamille.attendance;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The day sheets and the occupancy on the staff home of the services that run activities; the CAF report for them, finances and the Guichet Unique. */
@Configuration(proxyBeanMethods = false)
class AttendanceStaffPages {

    @Bean
    StaffPages daySheetsOnTheStaffHome() {
        String[] services = {StaffGroup.ENFANCE.id(), StaffGroup.RESTAURATION.id()};
        return StaffPages.of(
                StaffPage.of(20, "Feuilles de présence", "/agent/presences",
                        "les enfants attendus chaque jour, le pointage, l'impression", services),
                StaffPage.of(25, "Taux d'occupation", "/agent/occupation",
                        "capacité, réservations et liste d'attente de chaque jour, « proposer la place »", services),
                StaffPage.of(60, "Rapport CAF — prestation de service", "/agent/rapport-caf",
                        "actes réservés, réalisés et facturés d'un mois par âge et par régime (page, CSV, PDF)",
                        StaffGroup.ENFANCE.id(), StaffGroup.RESTAURATION.id(), StaffGroup.FINANCES.id(), StaffGroup.GUICHET_UNIQUE.id()));
    }
}
