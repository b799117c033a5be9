package fr.portailfamille.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the planning needs of the registration module: the validated registrations of children to an activity. */
interface ValidatedRegistrations {

    /** A validated registration: the weekdays it covers, from one day to another (both included). */
    record Cover(Set<DayOfWeek> weekdays, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return weekdays.contains(day.getDayOfWeek()) && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** For each child, its validated registrations to the activity that overlap the range, in one or two queries. */
    Map<Long, List<Cover>> of(Collection<Long> childIds, long activityId, LocalDate from, LocalDate to);
}
