package fr.portailfamille.billing;

import fr.portailfamille.activity.AttendanceBillingRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the pricing of one family's month needs, and nothing else: the billing module's own
 * narrow view of the family, activity and planning modules (see {@link BillingSource}).
 * {@code daysBefore} are booked days of the month before, never priced: only read to count the
 * « jours de carence » an absence that spans the turn of the month already used.
 */
record PricingInput(YearMonth month, List<Quotient> quotients, List<Child> children, Map<Long, Activity> activities,
        List<BookedDay> days, List<BookedDay> daysBefore) {

    /** A month priced on its own days only. */
    PricingInput(YearMonth month, List<Quotient> quotients, List<Child> children, Map<Long, Activity> activities, List<BookedDay> days) {
        this(month, quotients, children, activities, days, List.of());
    }

    /** A quotient familial and its validity ({@code validTo} null = open-ended). */
    record Quotient(int value, LocalDate validFrom, LocalDate validTo) {

        boolean overlaps(YearMonth month) {
            return !validFrom.isAfter(month.atEndOfMonth()) && (validTo == null || !validTo.isBefore(month.atDay(1)));
        }

        boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    record Child(long id, String firstName, String lastName, LocalDate birthDate) {

        String fullName() {
            return firstName + " " + lastName;
        }
    }

    /**
     * An activity as billing sees it: {@code childcare} when it counts for the tax certificate
     * (leisure centre, before/after school; not the canteen), its tariff grid (every version), its
     * closure days.
     */
    record Activity(long id, String name, String unitLabel, boolean childcare, List<Tariff> tariff, Set<LocalDate> closedDays,
            AttendanceBillingRule rule) {

        /** An activity billed with the default rule for attendance. */
        Activity(long id, String name, String unitLabel, boolean childcare, List<Tariff> tariff, Set<LocalDate> closedDays) {
            this(id, name, unitLabel, childcare, tariff, closedDays, AttendanceBillingRule.DEFAULT);
        }
    }

    /** One cell of a tariff grid version: the price of a unit for a bracket ({@code qfMax} null = no upper bound) and a rank. */
    record Tariff(LocalDate validFrom, int qfMin, Integer qfMax, int siblingRank, BigDecimal unitPrice) {

        boolean matches(int quotient) {
            return quotient >= qfMin && (qfMax == null || quotient <= qfMax);
        }

        String bracket() {
            return qfMax == null ? "QF " + qfMin + " et plus" : "QF " + qfMin + " à " + qfMax;
        }
    }

    /**
     * A day to price: booked, cancelled after the cut-off ({@code lateCancellation}), or a child
     * present without a booking ({@code booked} false); {@code presence} is what the day sheet (or an
     * accepted absence) says of it.
     */
    record BookedDay(long childId, long activityId, LocalDate day, boolean lateCancellation, boolean booked, Presence presence) {

        /** A booked (or late-cancelled) day with no entry on a sheet. */
        BookedDay(long childId, long activityId, LocalDate day, boolean lateCancellation) {
            this(childId, activityId, day, lateCancellation, true, Presence.NO_ENTRY);
        }
    }

    /** A day as attendance knows it; a justified absence is an accepted declaration or « absent justifié » on the sheet. */
    enum Presence {
        NO_ENTRY, PRESENT, ABSENT_JUSTIFIED, ABSENT_UNJUSTIFIED
    }
}
