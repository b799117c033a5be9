package fr.portailfamille.dunning;

import static fr.portailfamille.dunning.UnpaidInvoiceProcess.*;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Transmettre au comptable public », « Enregistrer l'échéancier », « Abandonner la créance »:
 * the finances' decision recorded with who took it and when. The invoice is locked first: if it
 * was paid meanwhile, nothing is recorded and the process ends as paid.
 */
@Component
class RecordRevenueOrderDecisionDelegate implements JavaDelegate {

    private final DunningStore store;
    private final Invoices invoices;
    private final Clock clock;

    RecordRevenueOrderDecisionDelegate(DunningStore store, Invoices invoices, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long invoiceId = INVOICE_ID.require(execution);
        Optional<PendingInvoice> pending = invoices.lockIfPending(invoiceId);
        PAID.put(execution, pending.isEmpty());
        if (pending.isEmpty()) {
            store.markPaid(invoiceId, clock.instant());
            return;
        }
        String decision = DECISION.require(execution);
        String agent = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        switch (decision) {
            case DECISION_HAND_OVER -> store.recordDecision(invoiceId, "HANDED_OVER", agent, clock.instant(), null);
            case DECISION_WRITE_OFF -> store.recordDecision(invoiceId, "WRITTEN_OFF", agent, clock.instant(),
                    WRITE_OFF_REASON.require(execution).strip());
            default -> {
                PaymentPlan plan = PaymentPlan.parse(PLAN_TEXT.get(execution), pending.get().amountDue(), LocalDate.now(clock));
                store.insertInstalments(invoiceId, plan.instalments());
                store.recordDecision(invoiceId, "PLAN", agent, clock.instant(), null);
            }
        }
    }
}
