package fr.portailfamille.dunning;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Families whose invoice is in a SEPA direct-debit batch are not reminded before the debit date.
 * The module that sends the debit batches implements it; the reminders of an invoice in a batch wait
 * for the day after its debit ({@link DunningDeadlines}). Without such a module, no invoice is ever in
 * a batch.
 */
public interface DirectDebits {

    /** The day the invoice will be debited, when it is in a debit batch. */
    Optional<LocalDate> debitDateOf(long invoiceId);
}
