package fr.portailfamille.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * What another module has to say about days of a family's planning (the state of an absence the
 * family declared…), shown beside each day on « Planning ». Implemented by the modules that know it,
 * so that planning depends on none of them.
 */
public interface PlanningDayNotes {

    /** A note on a day: its French text and the status style (status-ok, status-pending, status-refused). */
    record Note(String text, String css) {}

    /** The notes of the family's days of an activity in the month: child id → day → note. */
    Map<Long, Map<LocalDate, Note>> of(long familyFileId, long activityId, YearMonth month);
}
