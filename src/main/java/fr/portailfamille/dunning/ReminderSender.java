package fr.portailfamille.dunning;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilyOverview;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.mail.MailService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one reminder, in the caller's transaction (the job of the process step): the invoice is
 * locked first, so a payment in flight either committed before (no reminder) or waits until the
 * reminder is recorded; the mail leaves only after the commit. A family without an e-mail address
 * gets a letter, printed by the finances with the day's others ({@link ReminderLetters}).
 */
@Component
class ReminderSender {

    private final Invoices invoices;
    private final DunningStore store;
    private final FamilyFiles families;
    private final MailService mail;
    private final PortalProperties portal;
    private final DunningProperties properties;
    private final Clock clock;

    ReminderSender(Invoices invoices, DunningStore store, FamilyFiles families, MailService mail, PortalProperties portal,
            DunningProperties properties, Clock clock) {
        this.invoices = invoices;
        this.store = store;
        this.families = families;
        this.mail = mail;
        this.portal = portal;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code false}, and nothing sent, when the invoice no longer waits for payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean send(long invoiceId, String kind, DunningStore.Instalment instalment) {
        Optional<PendingInvoice> pending = invoices.lockIfPending(invoiceId);
        if (pending.isEmpty()) {
            // paid meanwhile (the process may not have been told): the case closed, nothing sent
            store.markPaid(invoiceId, clock.instant());
            return false;
        }
        PendingInvoice invoice = pending.get();
        FamilyOverview family = families.overview(invoice.familyFileId(), LocalDate.now(clock));
        String channel = family.summary().emails().isEmpty() ? "LETTER" : "MAIL";
        ReminderText text = text(kind, invoice, family.summary().name(), instalment);
        boolean recorded = store.recordReminder(invoiceId, kind, instalment == null ? null : instalment.id(), channel,
                invoice.amountDue(), clock.instant(), text);
        if (recorded && channel.equals("MAIL")) {
            for (String email : family.summary().emails()) {
                mail.sendAfterCommit(email, text.subject(), "dunning-reminder",
                        Map.of("paragraphs", text.paragraphs(), "number", invoice.number()));
            }
        }
        return true;
    }

    ReminderText text(String kind, PendingInvoice invoice, String familyName, DunningStore.Instalment instalment) {
        return ReminderText.of(kind, invoice, familyName, portal.townName(), properties.firstReminderDays(), instalment,
                properties.wording());
    }
}
