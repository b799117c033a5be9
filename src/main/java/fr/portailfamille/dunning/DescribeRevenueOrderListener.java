package fr.portailfamille.dunning;

import fr.portailfamille.system.Euros;
import fr.portailfamille.billing.FamilyAccount;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.PortalTime;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of « Émettre un titre de recette »: what the finances read before deciding (the
 * family, its invoices still due, the amounts, the reminders sent, its payment history, the plan
 * if one was granted), as read-only fields of the task's form.
 */
@Component
class DescribeRevenueOrderListener implements TaskListener {

    static final String FAMILY = "family";
    static final String INVOICES = "dueInvoices";
    static final String AMOUNT_DUE = "amountDue";
    static final String REMINDERS = "remindersSent";
    static final String PAYMENTS = "paymentHistory";
    static final String PLAN = "currentPlan";

    private final DunningStore store;
    private final Invoices invoices;
    private final FamilyFiles families;
    private final DunningProperties properties;

    DescribeRevenueOrderListener(DunningStore store, Invoices invoices, FamilyFiles families, DunningProperties properties) {
        this.store = store;
        this.invoices = invoices;
        this.families = families;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        long invoiceId = UnpaidInvoiceProcess.INVOICE_ID.require(task);
        DunningStore.Case followed = store.find(invoiceId).orElseThrow();
        FamilySummary family = families.find(followed.familyFileId()).orElseThrow();
        FamilyAccount account = invoices.accountOf(followed.familyFileId());
        task.setVariable(FAMILY, family.name() + " – dossier n° " + family.number()
                + (family.emails().isEmpty() ? " (sans adresse électronique)" : " – " + String.join(", ", family.emails())));
        task.setVariable(INVOICES, account.invoices().stream().filter(i -> i.amountDue().signum() > 0)
                .map(i -> i.number() + " (" + i.period() + ") : " + i.amountDueText() + " dus, échéance le " + i.dueOnText()
                        + (i.id() == invoiceId ? " ← cette facture" : ""))
                .collect(Collectors.joining("\n")));
        String amountDue = invoices.stillPending(java.util.List.of(invoiceId)).stream().findFirst()
                .map(p -> p.amountDueText()).orElse("0,00 €");
        task.setVariable(AMOUNT_DUE, amountDue + (followed.amount().compareTo(properties.handOverMinimum()) < 0
                ? " (sous le seuil de " + Euros.of(properties.handOverMinimum())
                        + " en dessous duquel un titre de recette n'est pas émis)" : ""));
        task.setVariable(REMINDERS, store.remindersOf(invoiceId).stream()
                .map(r -> r.label() + " " + r.channelLabel() + " le " + PortalTime.DATE.format(r.sentAt().atZone(PortalTime.ZONE))
                        + " (" + Euros.of(r.amountDue()) + " dus)")
                .collect(Collectors.joining("\n")));
        task.setVariable(PAYMENTS, account.payments().isEmpty() ? "Aucun paiement enregistré."
                : account.payments().stream().map(p -> p.paidOnText() + " : " + p.amountText() + " (" + p.modeLabel() + ", facture "
                        + p.invoiceNumber() + ")").collect(Collectors.joining("\n")));
        task.setVariable(PLAN, store.instalments(invoiceId).stream()
                .map(i -> "Échéance " + i.position() + " : " + Euros.of(i.amount()) + " le "
                        + PortalTime.DATE.format(i.dueOn()) + " (" + Labels.instalment(i.state()) + ")")
                .collect(Collectors.joining("\n")));
    }
}
