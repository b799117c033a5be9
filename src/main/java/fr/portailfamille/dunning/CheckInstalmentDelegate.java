package fr.portailfamille.dunning;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Vérifier l'échéance »: the instalment is settled when what the family still owes on the invoice
 * is no more than the instalments after it. Settled: the next one is awaited (or, the invoice paid,
 * the process ends). Not settled: the family is reminded once; still not settled at the
 * next check, the instalment is missed and the finances decide again.
 */
@Component
class CheckInstalmentDelegate implements JavaDelegate {

    static final String OUTCOME_PAID = "PAID";
    static final String OUTCOME_NEXT = "NEXT";
    static final String OUTCOME_MISSED = "MISSED";

    private final DunningStore store;
    private final Invoices invoices;
    private final ReminderSender sender;
    private final DunningProperties properties;
    private final Clock clock;

    CheckInstalmentDelegate(DunningStore store, Invoices invoices, ReminderSender sender, DunningProperties properties, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UnpaidInvoiceProcess.INSTALMENT_OUTCOME.put(execution, check(UnpaidInvoiceProcess.INVOICE_ID.require(execution)));
    }

    private String check(long invoiceId) {
        Optional<PendingInvoice> pending = invoices.lockIfPending(invoiceId);
        if (pending.isEmpty()) {
            // paid, whether or not the process was told: the case closed with the plan's instalments
            store.markPaid(invoiceId, clock.instant());
            return OUTCOME_PAID;
        }
        List<DunningStore.Instalment> instalments = store.instalments(invoiceId);
        // an instalment is settled once what is left to pay is no more than the instalments after it
        List<DunningStore.Instalment> planned = instalments.stream().filter(i -> "PLANNED".equals(i.state())).toList();
        BigDecimal due = pending.get().amountDue();
        for (int k = 0; k < planned.size(); k++) {
            DunningStore.Instalment instalment = planned.get(k);
            BigDecimal after = planned.subList(k + 1, planned.size()).stream().map(DunningStore.Instalment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (due.compareTo(after) <= 0) {
                store.setInstalmentState(instalment.id(), "PAID");
                continue;
            }
            if (instalment.dueOn().plusDays(properties.firstReminderDays()).isAfter(LocalDate.now(clock))) {
                return OUTCOME_NEXT; // not late yet: its own check comes later
            }
            boolean reminded = store.remindersOf(invoiceId).stream()
                    .anyMatch(r -> "INSTALMENT".equals(r.kind()) && Integer.valueOf(instalment.position()).equals(r.instalmentPosition()));
            if (!reminded) {
                sender.send(invoiceId, "INSTALMENT", instalment);
                return OUTCOME_NEXT;
            }
            store.setInstalmentState(instalment.id(), "MISSED");
            return OUTCOME_MISSED;
        }
        // every instalment settled but something still owed (an amount changed since the plan): the finances decide
        return OUTCOME_MISSED;
    }
}
