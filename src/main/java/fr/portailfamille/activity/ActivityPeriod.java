package fr.portailfamille.activity;

import java.time.LocalDate;

/** A date range during which families can register to and book an activity (e.g. a school year). */
public record ActivityPeriod(long id, long activityId, String label, LocalDate startDate, LocalDate endDate) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}
