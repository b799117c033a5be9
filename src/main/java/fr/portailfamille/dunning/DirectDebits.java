package fr.portailfamille.dunning;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Families whose invoice is in a SEPA direct-debit batch are not reminded before the debit date.
 * The portal has no direct debit yet, so no bean of this type exists and no invoice is ever in a
 * batch; the module that will send debit batches declares one, and the reminders of an invoice in a
 * batch then wait for the day after its debit ({@link DunningDeadlines}).
 */
public interface DirectDebits {

    /** The day the invoice will be debited, when it is in a debit batch. */
    Optional<LocalDate> debitDateOf(long invoiceId);
}
