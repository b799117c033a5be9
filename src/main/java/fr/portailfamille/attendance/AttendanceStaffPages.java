package fr.portailfamille.attendance;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.StaffPage;
import fr.portailfamille.staff.StaffPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The day sheets and the occupancy on the staff home of the services that run activities. */
@Configuration(proxyBeanMethods = false)
class AttendanceStaffPages {

    @Bean
    StaffPages daySheetsOnTheStaffHome() {
        String[] services = {StaffGroup.ENFANCE.id(), StaffGroup.RESTAURATION.id()};
        return StaffPages.of(
                StaffPage.of(20, "Feuilles de présence", "/agent/presences",
                        "les enfants attendus chaque jour, le pointage, l'impression", services),
                StaffPage.of(25, "Taux d'occupation", "/agent/occupation",
                        "capacité, réservations et liste d'attente de chaque jour, « proposer la place »", services));
    }
}
