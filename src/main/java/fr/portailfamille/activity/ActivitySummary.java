package fr.portailfamille.activity;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * What other modules may know of an activity: its service, days, capacity, ages, when it runs
 * (school days, Wednesdays, school holidays), its booking/cancellation cut-off and the documents it
 * requires before a registration is validated.
 */
public record ActivitySummary(long id, String code, String name, String activityType, String serviceGroup,
        BookingUnit bookingUnit, Set<DayOfWeek> weekdays, int capacityPerDay, Integer minAge, Integer maxAge,
        boolean runsOnSchoolDays, boolean runsOnWednesdays, boolean runsOnHolidays,
        int cutoffWorkingDays, LocalTime cutoffTime, List<String> requiredDocuments) {

    /** Whether a child of this age (in years) may attend. */
    public boolean acceptsAge(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }

    /** « de 3 à 11 ans », for pages and refusals. */
    public String ageRange() {
        if (minAge == null && maxAge == null) {
            return "tous âges";
        }
        if (maxAge == null) {
            return "à partir de " + minAge + " ans";
        }
        if (minAge == null) {
            return "jusqu'à " + maxAge + " ans";
        }
        return "de " + minAge + " à " + maxAge + " ans";
    }
}
