package fr.portailfamille.activity;

import fr.portailfamille.system.calendar.TownCalendar;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The activity module's public service: the catalogue as other modules see it. */
@Service
@Transactional(readOnly = true)
public class Activities {

    private final ActivityRepository activities;
    private final CatalogueStore store;
    private final TownCalendar calendar;

    Activities(ActivityRepository activities, CatalogueStore store, TownCalendar calendar) {
        this.activities = activities;
        this.store = store;
        this.calendar = calendar;
    }

    // The catalogue's reads below are one statement each, run as rows and without a transaction of their own
    // (in the caller's if there is one): the planning asks them on every page and every booking save.

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ActivitySummary> all() {
        return store.summaries("true").stream().sorted(Comparator.comparing(ActivitySummary::name)).toList();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ActivitySummary> find(long id) {
        return store.summaries("id = ?", id).stream().findFirst();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ActivitySummary> findByCode(String code) {
        return store.summaries("code = ?", code).stream().findFirst();
    }

    /** How the activity bills the days of its sheets (absences, late cancellations, children without a booking). */
    public AttendanceBillingRule attendanceRule(long activityId) {
        return activities.findById(activityId).map(Activity::attendanceRule).orElse(AttendanceBillingRule.DEFAULT);
    }

    /** The periods of the activity (e.g. school years), in date order. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ActivityPeriod> periods(long activityId) {
        return store.periods(activityId);
    }

    /** The period families register for on this day: the one in progress, else the next one. */
    public Optional<ActivityPeriod> registrationPeriod(long activityId, LocalDate today) {
        return store.periods(activityId).stream().filter(p -> !p.endDate().isBefore(today)).findFirst();
    }

    /** {@link #registrationPeriod} of every activity that has one, in one query (a page listing the catalogue). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, ActivityPeriod> registrationPeriods(LocalDate today) {
        Map<Long, ActivityPeriod> periods = new HashMap<>();
        for (ActivityPeriod p : store.allPeriods()) {
            if (!p.endDate().isBefore(today)) {
                periods.putIfAbsent(p.activityId(), p);
            }
        }
        return periods;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ActivityClosure> closures(long activityId) {
        return store.closures(activityId);
    }

    /**
     * Whether the activity takes children on this day: inside one of its periods, on one of its
     * weekdays, not a public holiday nor a closure day, and on the kind of day it runs on (school
     * holidays, Wednesdays outside holidays, other school days).
     */
    public boolean isOpenOn(long activityId, LocalDate day) {
        Activity activity = activities.findById(activityId).orElse(null);
        if (activity == null || !activity.weekdaySet().contains(day.getDayOfWeek()) || !calendar.isWorkingDay(day)) {
            return false;
        }
        if (store.periods(activityId).stream().noneMatch(p -> p.contains(day))
                || store.closures(activityId).stream().anyMatch(c -> c.day().equals(day))) {
            return false;
        }
        if (calendar.isSchoolHoliday(day)) {
            return activity.isRunsOnHolidays();
        }
        return day.getDayOfWeek() == DayOfWeek.WEDNESDAY ? activity.isRunsOnWednesdays() : activity.isRunsOnSchoolDays();
    }

    /** Every version of the tariff grid, newest first (lines never change once saved). */
    public List<TariffLine> tariffLines(long activityId) {
        return store.tariffs(activityId);
    }

    /** The tariff grid version in force on this day (the latest starting on or before it). */
    public List<TariffLine> tariffOn(long activityId, LocalDate day) {
        List<TariffLine> all = store.tariffs(activityId);
        Optional<LocalDate> version = all.stream().map(TariffLine::validFrom).filter(d -> !d.isAfter(day)).max(Comparator.naturalOrder());
        return version.map(v -> all.stream().filter(l -> l.validFrom().equals(v)).toList()).orElse(List.of());
    }

    /** The price of one booking unit on this day for a quotient familial and a sibling rank (1, 2, 3 and more). */
    public Optional<BigDecimal> unitPrice(long activityId, LocalDate day, int quotientFamilial, int siblingRank) {
        return tariffOn(activityId, day).stream().filter(l -> l.matches(quotientFamilial, siblingRank))
                .map(TariffLine::unitPrice).findFirst();
    }

    static ActivitySummary summary(Activity a) {
        return new ActivitySummary(a.getId(), a.getCode(), a.getName(), a.getActivityType(), a.getServiceGroup(),
                a.getBookingUnit(), a.weekdaySet(), a.getCapacityPerDay(), a.getMinAge(), a.getMaxAge(),
                a.isRunsOnSchoolDays(), a.isRunsOnWednesdays(), a.isRunsOnHolidays(),
                a.getCutoffWorkingDays(), a.getCutoffTime(), a.requiredDocumentList());
    }
}
