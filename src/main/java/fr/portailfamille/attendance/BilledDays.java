package fr.portailfamille.attendance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * What the monthly billing bills, as the CAF report needs it: the days of an activity billed to each
 * child by the activity's rule (present, booked without an entry, carence, absences the rule bills,
 * present without a booking). A port of this module, implemented by billing, which depends on
 * attendance (never the other way).
 */
public interface BilledDays {

    /** The billed days of the activity in the month, for these families (those booked or present in it). */
    List<BilledDay> of(long activityId, YearMonth month, Collection<Long> familyFileIds);

    /** One billed day of a child. */
    record BilledDay(long childId, LocalDate day) {}
}
