package fr.portailfamille.planning;

import fr.portailfamille.activity.ActivitySummary;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The rules of a booking, checked on the server whatever the page sent: a validated registration
 * covering the weekday, a day the activity runs (not a closure, a public holiday, out of its
 * periods) and a cut-off not yet passed. Evaluated for whole ranges in a few queries.
 */
interface BookingRules {

    /** For each child, the verdict of each day from {@code from} to {@code to} (both included). */
    Map<Long, Map<LocalDate, DayVerdict>> verdicts(Collection<Long> childIds, ActivitySummary activity, LocalDate from, LocalDate to);

    /** Whether the cut-off of this day of the activity has passed (a cancellation then is late, and billed). */
    boolean cutOffPassed(ActivitySummary activity, LocalDate day);

    /** Whether the day itself has begun (nothing can change any more). */
    boolean started(LocalDate day);
}
