package fr.portailfamille.activity;

import java.time.LocalDate;

/** A day an activity is closed (staff training, works…), whatever the calendar says. */
public record ActivityClosure(long id, long activityId, LocalDate day, String reason) {}
