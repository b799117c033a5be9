package fr.portailfamille.dunning;

import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a reminder, the same in the mail and in the printed letter: its subject and its
 * paragraphs, in the town's wording ({@link ReminderWording}), with the amounts and dates of the
 * invoice (or of the instalment) filled in.
 */
record ReminderText(String subject, List<String> paragraphs) {

    static ReminderText of(String kind, PendingInvoice invoice, String familyName, String townName, int payWithinDays,
            DunningStore.Instalment instalment, ReminderWording wording) {
        ReminderWording.Words words = wording.kinds().get(kind.toLowerCase(Locale.ROOT));
        if (words == null) {
            throw new IllegalArgumentException("relance inconnue : " + kind);
        }
        Map<String, String> values = new HashMap<>();
        values.put("famille", familyName);
        values.put("facture", invoice.number());
        values.put("periode", invoice.period());
        values.put("echeance", PortalTime.DATE.format(invoice.dueOn()));
        values.put("reste", invoice.amountDueText());
        values.put("delai", Integer.toString(payWithinDays));
        values.put("ville", townName.startsWith("Ville de ") ? townName.substring("Ville de ".length()) : townName);
        if (instalment != null) {
            values.put("echeanceDu", PortalTime.DATE.format(instalment.dueOn()));
            values.put("montantEcheance", Euros.of(instalment.amount()));
        }
        // the shared sentences first: they may use the invoice's own placeholders
        values.put("ligneFacture", ReminderWording.fill(wording.invoiceLine(), values));
        values.put("commentPayer", ReminderWording.fill(wording.howToPay(), values));
        values.put("aide", ReminderWording.fill(wording.help(), values));
        return new ReminderText(ReminderWording.fill(words.subject(), values),
                words.paragraphs().stream().map(p -> ReminderWording.fill(p, values)).toList());
    }
}
