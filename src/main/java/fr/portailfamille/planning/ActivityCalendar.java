package fr.portailfamille.planning;

import fr.portailfamille.activity.ActivitySummary;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

/** What the planning needs of the activity module's calendar: the days an activity is closed, and its cut-offs. */
interface ActivityCalendar {

    /** How the reason of a day the activity never runs begins. */
    String NOT_RUNNING = "pas d'accueil";

    /**
     * A day the activity takes no child: why, in French (« jour férié »…), and whether the activity
     * never runs that day (a weekend, a school day for the leisure centre: not a closure, the month
     * pages leave it out).
     */
    record Closed(String reason, boolean neverRuns) {}

    /** The days of the range the activity takes no child. */
    Map<LocalDate, Closed> closedDays(ActivitySummary activity, LocalDate from, LocalDate to);

    /** The moment (Paris time) after which a day can no longer be booked nor freely cancelled. */
    ZonedDateTime cutOff(ActivitySummary activity, LocalDate day);
}
