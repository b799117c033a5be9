package fr.portailfamille.activity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What another module has hanging on a stretch of an activity's days (validated registrations,
 * bookings): a period holding some may not be deleted, since they would be left without it. Each
 * module that owns such data declares a bean; the catalogue asks them all before deleting.
 */
public interface ActivityUsage {

    /** In French, what this module has on the activity between these days (« 3 inscriptions validées »), or empty. */
    Optional<String> usesBetween(long activityId, LocalDate from, LocalDate to);
}
