package fr.portailfamille.billing;

/**
 * Invoices the finances agreed to be paid in parts (a payment plan): the desk then accepts a
 * payment of less than what such an invoice still owes. Implemented by the module that grants the
 * plans; without one, every invoice is paid in full.
 */
public interface PartPaymentPlans {

    boolean allowsPartPayment(long invoiceId);
}
