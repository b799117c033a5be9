package fr.portailfamille.activity;

import java.time.DayOfWeek;
import java.util.Set;

/** What other modules may know of an activity. */
public record ActivitySummary(long id, String code, String name, String activityType, String serviceGroup,
        BookingUnit bookingUnit, Set<DayOfWeek> weekdays, int capacityPerDay, Integer minAge, Integer maxAge) {}
