package fr.portailfamille.billing;

import java.time.YearMonth;
import java.util.List;

/** What billing reads from the family, activity, planning and attendance modules, in its own terms. */
interface BillingSource {

    /** Families with at least one billable day in the month, by id. */
    List<Long> familiesToBill(YearMonth month);

    /** The day sheets of the month still open (« Centre de loisirs du 12/11/2026 »): the month is not billed while any is. */
    List<String> openSheets(YearMonth month);

    /** The month of each of these families, ready to price. */
    List<FamilyMonth> monthsOf(List<Long> familyFileIds, YearMonth month);

    /** When each family's attendance of the month (or of the month before) last changed (an entry, a correction, an absence decided). */
    java.util.Map<Long, java.time.Instant> attendanceChanges(YearMonth month);

    /** Where to tell the family about a new invoice. */
    List<String> emailsOf(long familyFileId);

    record FamilyMonth(long familyFileId, String number, String name, PricingInput input) {}
}
