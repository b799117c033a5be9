package fr.portailfamille.billing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Invoices another module collects itself (a SEPA direct debit): the day each will be taken from the
 * family's account. Billing does not offer them for payment online meanwhile ({@link Invoices#pending})
 * and its « Nouvelle facture disponible » mail says when the debit comes (the family's pre-notice).
 * Implemented by the module that sends the debits; billing does not know it.
 */
public interface InvoiceCollections {

    /** Of these invoices, those in a debit batch, with their debit day. */
    Map<Long, LocalDate> debitDays(Collection<Long> invoiceIds);
}
