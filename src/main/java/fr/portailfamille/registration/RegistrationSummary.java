package fr.portailfamille.registration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** A validated registration as other modules (planning) see it: the child may be booked on these weekdays of the period. */
public record RegistrationSummary(long id, long familyFileId, long childId, long activityId, Set<DayOfWeek> weekdays,
        LocalDate validFrom, LocalDate validTo) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo) && weekdays.contains(day.getDayOfWeek());
    }
}
