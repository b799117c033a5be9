package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What other modules may know of an invoice waiting for payment (« Mon dossier », online payment). */
public record PendingInvoice(long id, long familyFileId, String number, String period, BigDecimal amountDue, LocalDate dueOn) {}
