package fr.portailfamille.planning;

import fr.portailfamille.activity.ActivitySummary;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

/** What the planning needs of the activity module's calendar: the days an activity is closed, and its cut-offs. */
interface ActivityCalendar {

    /** How every reason of a day the activity never runs begins (not a closure): the month pages leave those days out. */
    String NOT_RUNNING = "pas d'accueil";

    /** The days of the range the activity takes no child, each with its reason in French (« jour férié »…). */
    Map<LocalDate, String> closedDays(ActivitySummary activity, LocalDate from, LocalDate to);

    /** The moment (Paris time) after which a day can no longer be booked nor freely cancelled. */
    ZonedDateTime cutOff(ActivitySummary activity, LocalDate day);
}
