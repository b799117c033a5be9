package fr.portailfamille.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's notifications (IPN), the only source of truth of a payment. In this order, each
 * step committed before the next: the notification is believed (signature, site, mode), stored as
 * received, applied to the payment and its invoices in one transaction (only a PENDING payment, or
 * an EXPIRED one for a late notification, changes), then the processes are told. Stored
 * notifications not yet applied or told are replayed (at start and by the daily reconciliation),
 * so a crash between two steps loses nothing and settles nothing twice.
 */
@Service
class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int CORRELATION_ATTEMPTS = 5;

    /** The HTTP answer to the gateway. */
    record Answer(int status, String body) {}

    private final SystemPayGateway gateway;
    private final PaymentRepository payments;
    private final PaymentNotificationRepository notifications;
    private final PaymentRefundRepository refunds;
    private final InvoiceBook invoices;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotificationService(SystemPayGateway gateway, PaymentRepository payments, PaymentNotificationRepository notifications,
            PaymentRefundRepository refunds, InvoiceBook invoices, RuntimeService runtime, TransactionTemplate transaction,
            Clock clock) {
        this.gateway = gateway;
        this.payments = payments;
        this.notifications = notifications;
        this.refunds = refunds;
        this.invoices = invoices;
        this.runtime = runtime;
        this.transaction = transaction;
        this.clock = clock;
    }

    Answer receive(Map<String, String> fields) {
        SystemPayGateway.Check check = gateway.check(fields);
        if (check != SystemPayGateway.Check.VALID) {
            log.warn("Notification SystemPay refusée ({}) pour la commande {}", check, fields.get("vads_order_id"));
            return new Answer(400, "KO-" + check.name().toLowerCase().replace('_', '-'));
        }
        long notificationId;
        try {
            notificationId = store(fields);
        } catch (RuntimeException e) {
            log.error("Notification SystemPay de la commande {} non enregistrée", fields.get("vads_order_id"), e);
            return new Answer(503, "KO-erreur temporaire");
        }
        NotificationOutcome outcome;
        try {
            outcome = apply(notificationId);
        } catch (RuntimeException e) {
            // stored, not applied: the gateway retries (non-2xx) and the replay applies it anyway
            log.error("Notification {} enregistrée mais non appliquée", notificationId, e);
            return new Answer(503, "KO-erreur temporaire, notification conservee");
        }
        tellProcesses(notificationId);
        return new Answer(200, outcome.answer());
    }

    /** Step 1: the notification as received, committed on its own. */
    long store(Map<String, String> fields) {
        return transaction.execute(s -> notifications.save(new PaymentNotification(fields, clock.instant())).getId());
    }

    /** Step 2: applies a stored notification once; applying it again returns what it did the first time. */
    NotificationOutcome apply(long notificationId) {
        return transaction.execute(s -> {
            PaymentNotification notification = notifications.lockById(notificationId).orElseThrow();
            if (notification.getAppliedAt() != null) {
                return NotificationOutcome.valueOf(notification.getOutcome());
            }
            Instant now = clock.instant();
            Map<String, String> fields = notification.fields();
            Optional<Payment> found = paymentOf(fields);
            if (found.isEmpty()) {
                notification.applied(null, NotificationOutcome.UNKNOWN_PAYMENT.name(), now);
                notification.correlated(now);
                return NotificationOutcome.UNKNOWN_PAYMENT;
            }
            Payment payment = found.get();
            NotificationOutcome outcome = settle(payment, fields, now);
            notification.applied(payment.getId(), outcome.name(), now);
            if (outcome.tell() == NotificationOutcome.Tell.NOBODY) {
                notification.correlated(now);
            }
            log.info("Notification {} : paiement {} {} ({})", notificationId, payment.getOrderId(), payment.getStatus(), outcome);
            return outcome;
        });
    }

    private Optional<Payment> paymentOf(Map<String, String> fields) {
        String transDate = fields.getOrDefault("vads_trans_date", "");
        String transId = fields.get("vads_trans_id");
        if (transDate.length() < 8 || transId == null) {
            return Optional.empty();
        }
        String orderId = fields.get("vads_order_id");
        return payments.lockByTransaction(transDate.substring(0, 8), transId)
                .filter(p -> orderId == null || orderId.isEmpty() || orderId.equals(p.getOrderId()));
    }

    private NotificationOutcome settle(Payment payment, Map<String, String> fields, Instant now) {
        if (!payment.isOpen()) {
            return NotificationOutcome.DUPLICATE;
        }
        boolean late = payment.getStatus() == PaymentStatus.EXPIRED;
        String transUuid = fields.get("vads_trans_uuid");
        PaymentStatus verdict = PaymentStatus.ofTransStatus(fields.get("vads_trans_status"));
        if (!Long.toString(payment.getAmountCents()).equals(fields.get("vads_amount"))
                || !payment.getCurrency().equals(fields.get("vads_currency"))) {
            String reason = "montant notifié " + fields.get("vads_amount") + " (devise " + fields.get("vads_currency")
                    + ") au lieu de " + payment.getAmountCents() + " (devise " + payment.getCurrency() + ")";
            flagForRefund(payment, transUuid, reason, received(fields, payment), now);
            return late ? NotificationOutcome.LATE_AMOUNT_MISMATCH : NotificationOutcome.AMOUNT_MISMATCH;
        }
        if (verdict != PaymentStatus.PAID) {
            payment.conclude(verdict == PaymentStatus.EXPIRED ? PaymentStatus.ABANDONED : verdict, transUuid,
                    "résultat " + fields.get("vads_result") + " " + fields.get("vads_trans_status"), now);
            return late ? NotificationOutcome.LATE_NOT_PAID : NotificationOutcome.NOT_PAID;
        }
        if (invoices.settle(payment.getFamilyFileId(), payment.invoiceIds(), payment.getOrderId(), now)) {
            payment.conclude(PaymentStatus.PAID, transUuid, null, now);
            return late ? NotificationOutcome.LATE_SETTLED : NotificationOutcome.SETTLED;
        }
        flagForRefund(payment, transUuid, "factures déjà réglées par ailleurs : paiement à rembourser", payment.getAmountCents(), now);
        return late ? NotificationOutcome.LATE_REFUND : NotificationOutcome.REFUND;
    }

    private void flagForRefund(Payment payment, String transUuid, String reason, long amountCents, Instant now) {
        payment.conclude(PaymentStatus.REVIEW, transUuid, reason, now);
        if (refunds.findByPaymentId(payment.getId()).isEmpty()) {
            refunds.save(new PaymentRefund(payment.getId(), amountCents, reason, now));
        }
    }

    private static long received(Map<String, String> fields, Payment payment) {
        try {
            return Long.parseLong(fields.getOrDefault("vads_effective_amount", fields.get("vads_amount")));
        } catch (NumberFormatException e) {
            return payment.getAmountCents();
        }
    }

    /**
     * Step 3: tells the process once, retrying optimistic-locking conflicts (the timer may fire at
     * the same instant). A failure leaves the notification to the replay: the payment is already safe.
     */
    void tellProcesses(long notificationId) {
        for (int attempt = 1; attempt <= CORRELATION_ATTEMPTS; attempt++) {
            try {
                transaction.executeWithoutResult(s -> correlate(notificationId));
                return;
            } catch (OptimisticLockingException e) {
                log.info("Notification {} : conflit de verrou optimiste, essai {}", notificationId, attempt);
            } catch (RuntimeException e) {
                log.error("Notification {} appliquée mais processus non prévenu (reprise plus tard)", notificationId, e);
                return;
            }
        }
        log.warn("Notification {} : processus non prévenu après {} essais (reprise plus tard)", notificationId, CORRELATION_ATTEMPTS);
    }

    private void correlate(long notificationId) {
        PaymentNotification notification = notifications.lockById(notificationId).orElseThrow();
        if (notification.getCorrelatedAt() != null || notification.getAppliedAt() == null) {
            return;
        }
        Payment payment = payments.findById(notification.getPaymentId()).orElseThrow();
        String businessKey = payment.getId().toString();
        NotificationOutcome outcome = NotificationOutcome.valueOf(notification.getOutcome());
        Map<String, Object> variables = Map.of(
                PaymentProcess.PAYMENT_ID, payment.getId(),
                PaymentProcess.PAYMENT_STATUS, payment.getStatus().name());
        if (outcome.tell() == NotificationOutcome.Tell.LATE_PROCESS) {
            runtime.startProcessInstanceByKey(PaymentProcess.LATE_KEY, businessKey, variables);
        } else if (outcome.tell() == NotificationOutcome.Tell.WAITING_PROCESS && isWaiting(businessKey)) {
            runtime.createMessageCorrelation(PaymentProcess.MESSAGE_NOTIFIED).processInstanceBusinessKey(businessKey)
                    .setVariables(variables).correlateWithResult();
        }
        // otherwise the process already went on (its expiry step read the payment's status)
        notification.correlated(clock.instant());
    }

    private boolean isWaiting(String businessKey) {
        return runtime.createExecutionQuery().processDefinitionKey(PaymentProcess.KEY).processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(PaymentProcess.MESSAGE_NOTIFIED).count() > 0;
    }

    /** Applies and tells what a crash left half-done: stored notifications not applied, applied ones not told. */
    int replay() {
        int replayed = 0;
        for (Long id : notifications.unapplied()) {
            try {
                apply(id);
                replayed++;
            } catch (RuntimeException e) {
                log.error("Notification {} : reprise impossible pour l'instant", id, e);
            }
        }
        for (Long id : notifications.uncorrelated()) {
            tellProcesses(id);
        }
        return replayed;
    }
}
