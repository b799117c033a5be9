package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the pricing of one family's month needs, and nothing else: the billing module's own
 * narrow view of the family, activity and planning modules (see {@link BillingSource}).
 */
record PricingInput(YearMonth month, List<Quotient> quotients, List<Child> children, Map<Long, Activity> activities,
        List<BookedDay> days) {

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
    record Activity(long id, String name, String unitLabel, boolean childcare, List<Tariff> tariff, Set<LocalDate> closedDays) {}

    /** One cell of a tariff grid version: the price of a unit for a bracket ({@code qfMax} null = no upper bound) and a rank. */
    record Tariff(LocalDate validFrom, int qfMin, Integer qfMax, int siblingRank, BigDecimal unitPrice) {

        boolean matches(int quotient) {
            return quotient >= qfMin && (qfMax == null || quotient <= qfMax);
        }

        String bracket() {
            return qfMax == null ? "QF " + qfMin + " et plus" : "QF " + qfMin + " à " + qfMax;
        }
    }

    /** A billable booked day: booked, or cancelled after the cut-off ({@code lateCancellation}). */
    record BookedDay(long childId, long activityId, LocalDate day, boolean lateCancellation) {}
}
