package fr.portailfamille.planning;

import fr.portailfamille.registration.RegistrationSummary;
import fr.portailfamille.registration.Registrations;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The registration module's validated registrations, as the planning's rules read them (one query per child). */
@Component
class RegistrationCovers implements ValidatedRegistrations {

    private final Registrations registrations;

    RegistrationCovers(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public Map<Long, List<Cover>> of(Collection<Long> childIds, long activityId, LocalDate from, LocalDate to) {
        Map<Long, List<Cover>> covers = new HashMap<>();
        for (Long childId : childIds) {
            List<Cover> childCovers = registrations.validatedOfChild(childId).stream()
                    .filter(r -> r.activityId() == activityId && !r.validTo().isBefore(from) && !r.validFrom().isAfter(to))
                    .map(RegistrationCovers::cover).toList();
            covers.put(childId, childCovers);
        }
        return covers;
    }

    private static Cover cover(RegistrationSummary registration) {
        return new Cover(registration.weekdays(), registration.validFrom(), registration.validTo());
    }
}
