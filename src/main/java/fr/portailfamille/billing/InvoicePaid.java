package fr.portailfamille.billing;

/**
 * Published in the transaction where an invoice becomes fully paid, whatever the channel (desk,
 * card, credit…); listeners acting on it after the commit know the payment is final.
 */
public record InvoicePaid(long invoiceId, long familyFileId, String number) {}
