package fr.portailfamille.dunning;

import fr.portailfamille.system.Euros;
import fr.portailfamille.billing.InvoiceFollowUps;
import fr.portailfamille.billing.PartPaymentPlans;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.system.PortalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's public service: the reminders sent to a family and the instalments of its payment
 * plans, for the staff's family page and the family's « Facturation »; which invoices are under a
 * plan, for the desk to take an instalment.
 */
@Service
@Transactional(readOnly = true)
public class Reminders implements InvoiceFollowUps, PartPaymentPlans {

    /** A reminder as the pages show it. */
    public record SentReminder(String invoiceNumber, String label, String channel, String sentOn, String amountDue) {}

    /** An instalment of a payment plan as the pages show it. */
    public record PlannedInstalment(String invoiceNumber, int position, String dueOn, String amount, String state) {}

    private final DunningStore store;

    Reminders(DunningStore store) {
        this.store = store;
    }

    /** Every reminder sent to the family, oldest first. */
    public List<SentReminder> sentTo(long familyFileId) {
        return store.remindersOfFamily(familyFileId).stream()
                .map(r -> new SentReminder(r.invoiceNumber(), r.label(), r.channelLabel(),
                        PortalTime.DATE.format(r.sentAt().atZone(PortalTime.ZONE)), Euros.of(r.amountDue())))
                .toList();
    }

    /** The instalments of the family's payment plans, by invoice then date. */
    public List<PlannedInstalment> instalmentsOf(long familyFileId) {
        Map<Long, String> numbers = new LinkedHashMap<>();
        store.ofFamily(familyFileId).forEach(c -> numbers.put(c.invoiceId(), c.invoiceNumber()));
        return store.instalmentsOfFamily(familyFileId).stream()
                .map(i -> new PlannedInstalment(numbers.getOrDefault(i.invoiceId(), ""), i.position(), PortalTime.DATE.format(i.dueOn()),
                        Euros.of(i.amount()), Labels.instalment(i.state())))
                .toList();
    }

    /** For « Facturation »: per invoice, the reminders sent and the instalments of its plan, in French (one statement). */
    @Override
    public Map<Long, List<String>> linesOf(long familyFileId) {
        Map<Long, List<String>> lines = new LinkedHashMap<>();
        for (DunningStore.FollowUpLine line : store.followUpLines(familyFileId)) {
            String text;
            if (line.reminder()) {
                DunningStore.Reminder r = new DunningStore.Reminder(0, line.invoiceId(), "", familyFileId, line.kind(), line.position(),
                        line.channel(), null, line.sentAt(), null, null);
                text = capitalized(r.label()) + " envoyée " + r.channelLabel() + " le "
                        + PortalTime.DATE.format(line.sentAt().atZone(PortalTime.ZONE));
            } else {
                text = "Échéancier, échéance " + line.position() + " : " + Euros.of(line.amount()) + " à payer le "
                        + PortalTime.DATE.format(line.dueOn()) + " (" + Labels.instalment(line.state()) + ")";
            }
            lines.computeIfAbsent(line.invoiceId(), k -> new ArrayList<>()).add(text);
        }
        return lines;
    }

    /** An invoice under a payment plan may be paid in parts at the desk. */
    @Override
    public boolean allowsPartPayment(long invoiceId) {
        return store.find(invoiceId).map(c -> "PLAN".equals(c.state())).orElse(false);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
