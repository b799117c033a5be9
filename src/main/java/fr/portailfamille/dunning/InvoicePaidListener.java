package fr.portailfamille.dunning;

import fr.portailfamille.billing.InvoicePaid;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An invoice paid by any channel ends its {@code unpaidInvoice} process: the case is marked paid in
 * the payment's transaction, and the process is told after the commit (message
 * {@value UnpaidInvoiceProcess#MESSAGE_PAID}, by business key). Telling it never fails the payment:
 * a message that could not be delivered (the process busy at that instant) is made up for by the
 * check of the invoice at each timer, which ends the process without a reminder.
 */
@Component
class InvoicePaidListener {

    private static final Logger log = LoggerFactory.getLogger(InvoicePaidListener.class);

    private final DunningStore store;
    private final RuntimeService runtime;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final IdentityService identity;

    InvoicePaidListener(DunningStore store, RuntimeService runtime, IdentityService identity, Clock clock,
            PlatformTransactionManager transactions) {
        this.identity = identity;
        this.store = store;
        this.runtime = runtime;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void markPaid(InvoicePaid paid) {
        store.markPaid(paid.invoiceId(), clock.instant());
    }

    /**
     * Told by the portal itself, whoever paid: an agent recording a desk payment has no right on the
     * reminder processes, so the agent's Camunda authentication is set aside for the correlation.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void endProcess(InvoicePaid paid) {
        Authentication agent = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            ownTransaction.executeWithoutResult(status -> runtime.createMessageCorrelation(UnpaidInvoiceProcess.MESSAGE_PAID)
                    .processInstanceBusinessKey(DunningStore.businessKey(paid.number()))
                    .correlateAllWithResult());
        } catch (RuntimeException e) {
            log.info("Relances : facture {} payée, suivi arrêté à sa prochaine échéance ({})", paid.number(), e.getMessage());
        } finally {
            if (agent != null) {
                identity.setAuthentication(agent);
            }
        }
    }
}
