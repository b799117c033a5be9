package fr.portailfamille.activity;

import java.math.BigDecimal;

/**
 * How an activity bills each state of a day of its sheets, set by its service on the catalogue's
 * edition page. A child present is always billed, and a booked day with no entry on a sheet is
 * billed as booked. A justified absence (the family's declaration accepted by the service, or
 * « absent justifié » on the sheet) is billed when {@code billJustifiedAbsence}; otherwise only its
 * first {@code waitingDays} days in a row are (« jours de carence »). A child present without a
 * booking pays the day's price plus {@code unbookedSurcharge}.
 */
public record AttendanceBillingRule(boolean billJustifiedAbsence, int waitingDays, boolean billUnjustifiedAbsence,
        boolean billLateCancellation, BigDecimal unbookedSurcharge) {

    /** A new activity's rule: justified absences not billed from the first day, the rest billed, no surcharge. */
    public static final AttendanceBillingRule DEFAULT = new AttendanceBillingRule(false, 0, true, true, BigDecimal.ZERO);
}
