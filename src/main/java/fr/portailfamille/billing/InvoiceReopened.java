package fr.portailfamille.billing;

/**
 * Published in the transaction where a paid invoice waits for payment again (the bank rejected the
 * direct debit that had settled it): whoever followed its payment follows it again.
 */
public record InvoiceReopened(PendingInvoice invoice) {}
