package fr.portailfamille.billing;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivityClosure;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.activity.BookingUnit;
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

    ModulesBillingSource(Bookings bookings, Activities activities, FamilyFiles families, QuotientSource quotients) {
        this.bookings = bookings;
        this.activities = activities;
        this.families = families;
        this.quotients = quotients;
    }

    @Override
    public List<Long> familiesToBill(YearMonth month) {
        return bookings.familiesWithBillableDays(month);
    }

    /** A batch in a constant number of queries: its families, their bookings, their quotients (no query per family). */
    @Override
    public List<FamilyMonth> monthsOf(List<Long> familyFileIds, YearMonth month) {
        Map<Long, FamilySummary> summaries = families.findAll(familyFileIds).stream()
                .collect(Collectors.toMap(FamilySummary::id, f -> f));
        Map<Long, List<BillableBooking>> bookingsOf = bookings.billableOfMonth(familyFileIds, month).stream()
                .collect(Collectors.groupingBy(BillableBooking::familyFileId));
        Map<Long, List<PricingInput.Quotient>> quotientsOf = quotients.of(familyFileIds, month);
        Map<Long, PricingInput.Activity> catalogue = new HashMap<>();
        List<FamilyMonth> months = new ArrayList<>();
        for (long familyFileId : familyFileIds) {
            FamilySummary family = summaries.get(familyFileId);
            if (family == null) {
                continue;
            }
            List<PricingInput.BookedDay> days = bookingsOf.getOrDefault(familyFileId, List.of()).stream()
                    .map(b -> new PricingInput.BookedDay(b.childId(), b.activityId(), b.day(), b.state() == BookingState.CANCELLED_LATE))
                    .toList();
            days.forEach(d -> catalogue.computeIfAbsent(d.activityId(), this::activity));
            Map<Long, PricingInput.Activity> used = days.stream().map(PricingInput.BookedDay::activityId).distinct()
                    .collect(Collectors.toMap(id -> id, catalogue::get));
            List<PricingInput.Child> children = family.children().stream()
                    .map(c -> new PricingInput.Child(c.id(), c.firstName(), c.lastName(), c.birthDate())).toList();
            months.add(new FamilyMonth(familyFileId, family.number(), family.name(),
                    new PricingInput(month, quotientsOf.get(familyFileId), children, used, days)));
        }
        return months;
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
                activities.closures(activityId).stream().map(ActivityClosure::day).collect(Collectors.toSet()));
    }
}
