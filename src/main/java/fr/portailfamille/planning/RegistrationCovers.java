package fr.portailfamille.planning;

import fr.portailfamille.registration.RegistrationSummary;
import fr.portailfamille.registration.Registrations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The registration module's validated registrations, as the planning's rules read them (one query for all the children). */
@Component
class RegistrationCovers implements ValidatedRegistrations {

    private final Registrations registrations;

    RegistrationCovers(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public Map<Long, List<Cover>> of(Collection<Long> childIds, long activityId, LocalDate from, LocalDate to) {
        Map<Long, List<Cover>> covers = new HashMap<>();
        childIds.forEach(childId -> covers.put(childId, new ArrayList<>()));
        for (RegistrationSummary registration : registrations.validatedOfChildren(childIds)) {
            if (registration.activityId() == activityId && !registration.validTo().isBefore(from)
                    && !registration.validFrom().isAfter(to)) {
                covers.get(registration.childId()).add(cover(registration));
            }
        }
        return covers;
    }

    private static Cover cover(RegistrationSummary registration) {
        return new Cover(registration.weekdays(), registration.validFrom(), registration.validTo());
    }
}
