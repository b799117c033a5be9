package fr.portailfamille.dunning;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.InvoiceReopened;
import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One {@code unpaidInvoice} process per published invoice with an amount due, exactly once. The
 * invoices are recorded in the publication's own transaction (nothing is lost if the node stops
 * right after), and the processes are started afterwards, off the publication, in batches: each
 * batch locks its rows ({@code for update skip locked}: another node takes other rows), starts the
 * processes and marks the rows started in one transaction, so a retried or concurrent batch never
 * starts a second process for an invoice. The starter runs after each publication commits and
 * every {@code portal.dunning.start-every} for what a stopped node left.
 */
@Component
class UnpaidInvoiceStarter {

    private static final Logger log = LoggerFactory.getLogger(UnpaidInvoiceStarter.class);

    private final DunningStore store;
    private final Invoices invoices;
    private final RuntimeService runtime;
    private final DunningProperties properties;
    private final Clock clock;
    private final TransactionTemplate eachBatch;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    UnpaidInvoiceStarter(DunningStore store, Invoices invoices, RuntimeService runtime, DunningProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.invoices = invoices;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.eachBatch = new TransactionTemplate(transactions);
        this.eachBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** In the publication's transaction: the invoices to follow, recorded with it or not at all. */
    @EventListener
    void record(InvoicesPublished published) {
        store.insertCases(published.invoices());
    }

    /** In the transaction that reopened a paid invoice (a direct debit rejected): it is followed again. */
    @EventListener
    void record(InvoiceReopened reopened) {
        store.reopen(reopened.invoice());
    }

    /** Once the reopening is committed, off its thread: its process starts again. */
    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void startAfterReopening(InvoiceReopened reopened) {
        startWaiting();
    }

    /** Once the publication is committed, off its thread: start the processes. */
    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void startAfterPublication(InvoicesPublished published) {
        startWaiting();
    }

    /** What a stopped node or a failed batch left. */
    @Scheduled(fixedDelayString = "${portal.dunning.start-every:PT1M}", initialDelayString = "PT30S")
    void startLeftOver() {
        startWaiting();
    }

    /**
     * Starts the processes of every recorded invoice not followed yet, batch after batch; returns
     * how many were started by this call. One call at a time per node: a call arriving meanwhile
     * makes the running one look again once it is done.
     */
    int startWaiting() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return 0;
        }
        int started = 0;
        try {
            do {
                again.set(false);
                int batch;
                do {
                    Integer n = eachBatch.execute(status -> startBatch(properties.startBatchSize()));
                    batch = n == null ? 0 : n;
                    started += batch;
                } while (batch > 0);
            } while (again.get());
        } catch (RuntimeException e) {
            log.warn("Relances : démarrage des suivis interrompu ({}), repris au prochain passage", e.getMessage());
        } finally {
            running.set(false);
        }
        return started;
    }

    /** Starts one batch in the caller's transaction; returns how many rows it took (started or found paid). */
    private int startBatch(int size) {
        List<DunningStore.Case> batch = store.claimToStart(size);
        if (batch.isEmpty()) {
            return 0;
        }
        Set<Long> pending = invoices.stillPending(batch.stream().map(DunningStore.Case::invoiceId).toList()).stream()
                .map(PendingInvoice::id).collect(Collectors.toSet());
        int processes = 0;
        for (DunningStore.Case followed : batch) {
            if (!pending.contains(followed.invoiceId())) {
                // paid (or cancelled) before its process started: nothing to follow
                store.setState(followed.invoiceId(), "PAID", clock.instant());
                continue;
            }
            ProcessInstance instance = runtime.createProcessInstanceByKey(UnpaidInvoiceProcess.KEY)
                    .businessKey(followed.businessKey())
                    .setVariables(Map.of(UnpaidInvoiceProcess.INVOICE_ID.name(), followed.invoiceId(),
                            UnpaidInvoiceProcess.INVOICE_NUMBER.name(), followed.invoiceNumber(),
                            UnpaidInvoiceProcess.FAMILY_FILE_ID.name(), followed.familyFileId()))
                    .execute();
            store.markStarted(followed.invoiceId(), instance.getId(), clock.instant());
            processes++;
        }
        log.debug("Relances : {} suivi(s) de facture démarré(s)", processes);
        return batch.size();
    }
}
