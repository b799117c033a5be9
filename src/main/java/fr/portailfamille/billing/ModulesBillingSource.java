package fr.portailfamille.billing;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivityClosure;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.BookingUnit;
import fr.portailfamille.attendance.Attendance;
import fr.portailfamille.attendance.AttendanceStatus;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.planning.BillableBooking;
import fr.portailfamille.planning.BookingState;
import fr.portailfamille.planning.Bookings;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link BillingSource} through the public services of the planning, activity and family modules. */
@Component
@Transactional(readOnly = true)
class ModulesBillingSource implements BillingSource {

    private final Bookings bookings;
    private final Activities activities;
    private final FamilyFiles families;
    private final QuotientSource quotients;
    private final Attendance attendance;

    ModulesBillingSource(Bookings bookings, Activities activities, FamilyFiles families, QuotientSource quotients,
            Attendance attendance) {
        this.bookings = bookings;
        this.attendance = attendance;
        this.activities = activities;
        this.families = families;
        this.quotients = quotients;
    }

    @Override
    public List<Long> familiesToBill(YearMonth month) {
        java.util.TreeSet<Long> families = new java.util.TreeSet<>(bookings.familiesWithBillableDays(month));
        families.addAll(attendance.familiesPresentWithoutBooking(month));
        return List.copyOf(families);
    }

    @Override
    public List<String> openSheets(YearMonth month) {
        return attendance.openSheets(month).stream()
                .map(s -> s.activityName() + " du " + fr.portailfamille.system.PortalTime.DATE.format(s.day())).toList();
    }

    /**
     * A batch in a constant number of queries: its families, their bookings, what the day sheets say
     * of them and the accepted absences, their quotients (no query per family); when an activity of
     * the batch counts « jours de carence », the same for the month before (its booked days only),
     * so that an absence spanning the turn of the month counts the days it already used.
     */
    @Override
    public List<FamilyMonth> monthsOf(List<Long> familyFileIds, YearMonth month) {
        Map<Long, FamilySummary> summaries = families.findAll(familyFileIds).stream()
                .collect(Collectors.toMap(FamilySummary::id, f -> f));
        Map<Long, List<PricingInput.Quotient>> quotientsOf = quotients.of(familyFileIds, month);
        Map<Long, List<PricingInput.BookedDay>> daysOf = bookedDays(familyFileIds, month, true);
        Map<Long, PricingInput.Activity> catalogue = new HashMap<>();
        daysOf.values().forEach(days -> days.forEach(d -> catalogue.computeIfAbsent(d.activityId(), this::activity)));
        boolean carence = catalogue.values().stream().anyMatch(a -> a.rule().waitingDays() > 0);
        Map<Long, List<PricingInput.BookedDay>> daysBeforeOf = carence ? bookedDays(familyFileIds, month.minusMonths(1), false) : Map.of();
        List<FamilyMonth> months = new ArrayList<>();
        for (long familyFileId : familyFileIds) {
            FamilySummary family = summaries.get(familyFileId);
            if (family == null) {
                continue;
            }
            List<PricingInput.BookedDay> days = daysOf.getOrDefault(familyFileId, List.of());
            Map<Long, PricingInput.Activity> used = days.stream().map(PricingInput.BookedDay::activityId).distinct()
                    .collect(Collectors.toMap(id -> id, catalogue::get));
            List<PricingInput.Child> children = family.children().stream()
                    .map(c -> new PricingInput.Child(c.id(), c.firstName(), c.lastName(), c.birthDate())).toList();
            months.add(new FamilyMonth(familyFileId, family.number(), family.name(),
                    new PricingInput(month, quotientsOf.get(familyFileId), children, used, days,
                            daysBeforeOf.getOrDefault(familyFileId, List.of()))));
        }
        return months;
    }

    /**
     * Each family's days of the month, in three queries: its bookings with what the sheets and the
     * accepted absences say of them and, {@code withUnbooked}, its children present without a booking.
     */
    private Map<Long, List<PricingInput.BookedDay>> bookedDays(List<Long> familyFileIds, YearMonth month, boolean withUnbooked) {
        Map<List<Object>, AttendanceStatus> sheets = new HashMap<>();
        Map<Long, List<PricingInput.BookedDay>> daysOf = new HashMap<>();
        List<Attendance.DayEntry> entries = attendance.entriesOfMonth(familyFileIds, month);
        for (Attendance.DayEntry entry : entries) {
            sheets.put(List.of(entry.childId(), entry.activityId(), entry.day()), entry.status());
        }
        java.util.Set<List<Object>> accepted = new java.util.HashSet<>();
        attendance.acceptedAbsences(familyFileIds, month).forEach(a -> accepted.add(List.of(a.childId(), a.activityId(), a.day())));
        for (BillableBooking b : bookings.billableOfMonth(familyFileIds, month)) {
            List<Object> key = List.of(b.childId(), b.activityId(), b.day());
            daysOf.computeIfAbsent(b.familyFileId(), k -> new ArrayList<>()).add(new PricingInput.BookedDay(b.childId(), b.activityId(),
                    b.day(), b.state() == BookingState.CANCELLED_LATE, true, presence(sheets.get(key), accepted.contains(key))));
        }
        if (withUnbooked) {
            for (Attendance.DayEntry e : entries) {
                if (e.status() == AttendanceStatus.PRESENT_UNBOOKED) {
                    daysOf.computeIfAbsent(e.familyFileId(), k -> new ArrayList<>())
                            .add(new PricingInput.BookedDay(e.childId(), e.activityId(), e.day(), false, false, PricingInput.Presence.PRESENT));
                }
            }
        }
        return daysOf;
    }

    /** A present child stays present; otherwise an accepted absence makes the day justified, whatever the sheet says. */
    static PricingInput.Presence presence(AttendanceStatus status, boolean absenceAccepted) {
        if (status != null && status.present()) {
            return PricingInput.Presence.PRESENT;
        }
        if (absenceAccepted || status == AttendanceStatus.ABSENT_JUSTIFIED) {
            return PricingInput.Presence.ABSENT_JUSTIFIED;
        }
        return status == AttendanceStatus.ABSENT_UNJUSTIFIED ? PricingInput.Presence.ABSENT_UNJUSTIFIED : PricingInput.Presence.NO_ENTRY;
    }

    /**
     * A change in the month before counts too: the « jours de carence » of an absence that spans
     * the turn of the month depend on it (re-pricing a month that did not change corrects nothing).
     */
    @Override
    public Map<Long, java.time.Instant> attendanceChanges(YearMonth month) {
        Map<Long, java.time.Instant> changes = new HashMap<>(attendance.lastChanges(month));
        attendance.lastChanges(month.minusMonths(1)).forEach((family, at) -> changes.merge(family, at,
                (a, b) -> a.isAfter(b) ? a : b));
        return changes;
    }

    @Override
    public List<String> emailsOf(long familyFileId) {
        return families.find(familyFileId).map(FamilySummary::emails).orElse(List.of());
    }

    PricingInput.Activity activity(long activityId) {
        ActivitySummary summary = activities.find(activityId)
                .orElseThrow(() -> new IllegalStateException("activité inconnue " + activityId));
        List<PricingInput.Tariff> tariff = activities.tariffLines(activityId).stream()
                .map(t -> new PricingInput.Tariff(t.validFrom(), t.qfMin(), t.qfMax(), t.siblingRank(), t.unitPrice())).toList();
        return new PricingInput.Activity(activityId, summary.name(), summary.bookingUnit().label(),
                // the tax certificate counts childcare (leisure centre, before/after school), not meals
                summary.bookingUnit() != BookingUnit.MEAL, tariff,
                activities.closures(activityId).stream().map(ActivityClosure::day).collect(Collectors.toSet()),
                activities.attendanceRule(activityId));
    }
}
