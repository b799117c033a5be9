package fr.portailfamille.planning;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivityClosure;
import fr.portailfamille.activity.ActivityPeriod;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.system.calendar.TownCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The activity module's calendar as the planning reads it: the periods and closures of an activity
 * (two queries for any range), public and school holidays from {@link TownCalendar}, and the
 * activity's cut-off in working days at a time of day.
 */
@Component
class CatalogueActivityCalendar implements ActivityCalendar {

    private final Activities activities;
    private final TownCalendar calendar;

    CatalogueActivityCalendar(Activities activities, TownCalendar calendar) {
        this.activities = activities;
        this.calendar = calendar;
    }

    @Override
    public Map<LocalDate, Closed> closedDays(ActivitySummary activity, LocalDate from, LocalDate to) {
        List<ActivityPeriod> periods = activities.periods(activity.id());
        Map<LocalDate, String> closures = new HashMap<>();
        for (ActivityClosure closure : activities.closures(activity.id())) {
            closures.put(closure.day(), closure.reason() == null || closure.reason().isBlank()
                    ? "fermeture exceptionnelle" : "fermeture (" + closure.reason() + ")");
        }
        Map<LocalDate, Closed> closed = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate thatDay = day;
            reason(activity, day, periods, closures).ifPresent(reason -> closed.put(thatDay, reason));
        }
        return closed;
    }

    private Optional<Closed> reason(ActivitySummary activity, LocalDate day, List<ActivityPeriod> periods, Map<LocalDate, String> closures) {
        if (calendar.isPublicHoliday(day)) {
            return closure("jour férié");
        }
        if (!calendar.isWorkingDay(day)) {
            return neverRuns("ce jour-là");
        }
        if (periods.stream().noneMatch(p -> p.contains(day))) {
            return closure("hors période d'accueil");
        }
        if (closures.containsKey(day)) {
            return closure(closures.get(day));
        }
        if (calendar.isSchoolHoliday(day)) {
            return activity.runsOnHolidays() ? Optional.empty() : neverRuns("pendant les vacances scolaires");
        }
        if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
            return activity.runsOnWednesdays() ? Optional.empty() : neverRuns("le mercredi");
        }
        return activity.runsOnSchoolDays() ? Optional.empty() : neverRuns("les jours d'école");
    }

    private static Optional<Closed> closure(String reason) {
        return Optional.of(new Closed(reason, false));
    }

    private static Optional<Closed> neverRuns(String when) {
        return Optional.of(new Closed(NOT_RUNNING + " " + when, true));
    }

    @Override
    public ZonedDateTime cutOff(ActivitySummary activity, LocalDate day) {
        return calendar.cutOff(day, activity.cutoffWorkingDays(), activity.cutoffTime());
    }
}
