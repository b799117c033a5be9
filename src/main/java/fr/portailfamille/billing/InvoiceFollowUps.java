package fr.portailfamille.billing;

import java.util.List;
import java.util.Map;

/**
 * What another module tells a family about its pending invoices on « Facturation » (reminders
 * sent, instalments of a payment plan): lines of text per invoice id. Implemented by the module
 * that follows unpaid invoices; billing shows the lines without knowing that module.
 */
public interface InvoiceFollowUps {

    Map<Long, List<String>> linesOf(long familyFileId);
}
