package fr.portailfamille.planning;

import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The booking rules, in this order: the activity runs that day (not a closure, a public holiday,
 * out of its periods), a validated registration of the child covers the day and its weekday, the
 * cut-off (working days before, at a time, Paris) has not passed. The time comes from the
 * injected {@link Clock}, so tests can set it.
 */
@Component
class RuleBasedBookingRules implements BookingRules {

    private final ValidatedRegistrations registrations;
    private final ActivityCalendar calendar;
    private final Clock clock;

    RuleBasedBookingRules(ValidatedRegistrations registrations, ActivityCalendar calendar, Clock clock) {
        this.registrations = registrations;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Map<Long, Map<LocalDate, DayVerdict>> verdicts(Collection<Long> childIds, ActivitySummary activity, LocalDate from, LocalDate to) {
        Map<LocalDate, ActivityCalendar.Closed> closed = calendar.closedDays(activity, from, to);
        Map<Long, List<ValidatedRegistrations.Cover>> covers = registrations.of(childIds, activity.id(), from, to);
        Map<LocalDate, DayVerdict> calendarVerdicts = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!activity.weekdays().contains(day.getDayOfWeek())) {
                calendarVerdicts.put(day, DayVerdict.neverRunning("fermé : " + ActivityCalendar.NOT_RUNNING + " ce jour-là"));
            } else if (closed.containsKey(day)) {
                ActivityCalendar.Closed why = closed.get(day);
                calendarVerdicts.put(day, why.neverRuns() ? DayVerdict.neverRunning("fermé : " + why.reason())
                        : DayVerdict.closed("fermé : " + why.reason()));
            } else if (cutOffPassed(activity, day)) {
                ZonedDateTime cutOff = calendar.cutOff(activity, day);
                calendarVerdicts.put(day, DayVerdict.pastCutOff("hors délai : il fallait réserver au plus tard le "
                        + PortalTime.DATE_TIME.format(cutOff)));
            } else {
                calendarVerdicts.put(day, DayVerdict.OPEN);
            }
        }
        Map<Long, Map<LocalDate, DayVerdict>> result = new HashMap<>();
        for (Long childId : childIds) {
            List<ValidatedRegistrations.Cover> childCovers = covers.getOrDefault(childId, List.of());
            Map<LocalDate, DayVerdict> days = new HashMap<>();
            calendarVerdicts.forEach((day, verdict) -> {
                boolean registered = childCovers.stream().anyMatch(c -> c.covers(day));
                days.put(day, verdict.kind() == DayVerdict.Kind.CLOSED || registered ? verdict
                        : DayVerdict.notRegistered("non inscrit : aucune inscription validée ne couvre ce jour"));
            });
            result.put(childId, days);
        }
        return result;
    }

    @Override
    public boolean cutOffPassed(ActivitySummary activity, LocalDate day) {
        return !clock.instant().isBefore(calendar.cutOff(activity, day).toInstant());
    }

    @Override
    public boolean started(LocalDate day) {
        return !LocalDate.now(clock.withZone(PortalTime.ZONE)).isBefore(day);
    }
}
