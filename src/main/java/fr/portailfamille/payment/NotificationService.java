package fr.portailfamille.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateways' notifications (SystemPay's IPN, PayFiP's detail asked from the Treasury), the only
 * source of truth of a payment. In this order, each
 * step committed before the next: the notification is believed (signature, site, mode), stored as
 * received, applied to the payment and its invoices in one transaction (only a PENDING payment, or
 * an EXPIRED one for a late notification, changes; a transaction that took money after the payment
 * was concluded settles the invoices still unpaid or becomes a refund; money for an unknown order
 * becomes a check), then the processes are told: money the gateway took always ends settled or in
 * a task for finances. Stored
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
        return record(new PaymentNotification(fields, clock.instant()));
    }

    /**
     * A believed notification (SystemPay's checked IPN, or PayFiP's detail from the Treasury's web
     * service): stored, applied, told, each step committed before the next.
     */
    Answer record(PaymentNotification believed) {
        long notificationId;
        try {
            notificationId = store(believed);
        } catch (RuntimeException e) {
            log.error("Notification {} de la commande {} non enregistrée", believed.getGateway(), believed.getOrderId(), e);
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

    /**
     * A believed notification heard by the waiting process itself (its expiry step asks the
     * gateway): stored and applied, and not told again, since the step reads the payment's status
     * right after. Anything else (a late outcome) is left to the replay.
     */
    NotificationOutcome recordForTheWaitingProcess(PaymentNotification believed) {
        long notificationId = store(believed);
        NotificationOutcome outcome = apply(notificationId);
        if (outcome.tell() == NotificationOutcome.Tell.WAITING_PROCESS) {
            transaction.executeWithoutResult(s -> notifications.lockById(notificationId).orElseThrow().correlated(clock.instant()));
        }
        return outcome;
    }

    /** Step 1: the notification as received, committed on its own. */
    long store(Map<String, String> fields) {
        return store(new PaymentNotification(fields, clock.instant()));
    }

    long store(PaymentNotification notification) {
        return transaction.execute(s -> notifications.save(notification).getId());
    }

    /** Step 2: applies a stored notification once; applying it again returns what it did the first time. */
    NotificationOutcome apply(long notificationId) {
        return transaction.execute(s -> {
            PaymentNotification notification = notifications.lockById(notificationId).orElseThrow();
            if (notification.getAppliedAt() != null) {
                return NotificationOutcome.valueOf(notification.getOutcome());
            }
            Instant now = clock.instant();
            Optional<Payment> found = notification.getGateway() == PaymentGateway.PAYFIP
                    ? payments.lockByIdOp(notification.fields().get("idOp"))
                    : paymentOf(notification.fields());
            if (found.isEmpty()) {
                return unknown(notification, now);
            }
            Payment payment = found.get();
            NotificationOutcome outcome = settle(payment, notification, now);
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

    /**
     * A notification for an order we do not know: nothing to settle, but money the gateway took
     * (once per transaction, however often the gateway retries) goes to finances in a task.
     */
    private NotificationOutcome unknown(PaymentNotification notification, Instant now) {
        boolean paid = notification.verdict() == PaymentStatus.PAID;
        boolean alreadyHanded = paid && notification.getTransDate() != null && notifications
                .findByTransDateAndTransIdAndOutcome(notification.getTransDate(), notification.getTransId(),
                        NotificationOutcome.UNKNOWN_PAID.name()).stream()
                .anyMatch(n -> !n.getId().equals(notification.getId()) && Objects.equals(n.getTransUuid(), notification.getTransUuid()));
        NotificationOutcome outcome = paid && !alreadyHanded ? NotificationOutcome.UNKNOWN_PAID : NotificationOutcome.UNKNOWN_PAYMENT;
        notification.applied(null, outcome.name(), now);
        if (outcome.tell() == NotificationOutcome.Tell.NOBODY) {
            notification.correlated(now);
        }
        log.warn("Notification {} : commande {} inconnue ({})", notification.getId(), notification.getOrderId(), outcome);
        return outcome;
    }

    private NotificationOutcome settle(Payment payment, PaymentNotification notification, Instant now) {
        String transUuid = notification.getTransUuid();
        PaymentStatus verdict = notification.verdict();
        if (!payment.isOpen()) {
            return afterConclusion(payment, notification, verdict, now);
        }
        boolean late = payment.getStatus() == PaymentStatus.EXPIRED;
        if (!sameAmount(payment, notification)) {
            flagForRefund(payment, notification, mismatch(payment, notification), notification.receivedCents(payment.getAmountCents()), now);
            return late ? NotificationOutcome.LATE_AMOUNT_MISMATCH : NotificationOutcome.AMOUNT_MISMATCH;
        }
        if (verdict != PaymentStatus.PAID) {
            payment.conclude(verdict == PaymentStatus.EXPIRED ? PaymentStatus.ABANDONED : verdict, transUuid,
                    notification.resultText(), now);
            return late ? NotificationOutcome.LATE_NOT_PAID : NotificationOutcome.NOT_PAID;
        }
        if (invoices.settle(payment.getFamilyFileId(), payment.invoiceIds(), payment.getOrderId(), now)) {
            payment.conclude(PaymentStatus.PAID, transUuid, null, now);
            return late ? NotificationOutcome.LATE_SETTLED : NotificationOutcome.SETTLED;
        }
        flagForRefund(payment, notification, "factures déjà réglées par ailleurs : paiement à rembourser", payment.getAmountCents(), now);
        return late ? NotificationOutcome.LATE_REFUND : NotificationOutcome.REFUND;
    }

    /**
     * A notification for a payment already concluded. The same transaction told again changes
     * nothing; another transaction that took money (the family tried again after a refusal, or was
     * debited twice) settles the invoices if they are still unpaid, otherwise goes to finances.
     */
    private NotificationOutcome afterConclusion(Payment payment, PaymentNotification notification, PaymentStatus verdict, Instant now) {
        String transUuid = notification.getTransUuid();
        if (verdict != PaymentStatus.PAID || Objects.equals(transUuid, payment.getTransUuid())
                || refunds.existsByPaymentIdAndTransUuid(payment.getId(), transUuid)) {
            return NotificationOutcome.DUPLICATE;
        }
        if (!sameAmount(payment, notification)) {
            addRefund(payment, notification, mismatch(payment, notification), notification.receivedCents(payment.getAmountCents()), now);
            return NotificationOutcome.LATE_AMOUNT_MISMATCH;
        }
        if (payment.getStatus() != PaymentStatus.PAID
                && invoices.settle(payment.getFamilyFileId(), payment.invoiceIds(), payment.getOrderId(), now)) {
            payment.conclude(PaymentStatus.PAID, transUuid, null, now);
            return NotificationOutcome.LATE_SETTLED;
        }
        String reason = payment.getStatus() == PaymentStatus.PAID
                ? "paiement déjà réglé par la transaction " + payment.getTransUuid() + " : second débit à rembourser"
                : "factures déjà réglées par ailleurs : paiement à rembourser";
        addRefund(payment, notification, reason, payment.getAmountCents(), now);
        return NotificationOutcome.LATE_REFUND;
    }

    private static boolean sameAmount(Payment payment, PaymentNotification notification) {
        return Long.toString(payment.getAmountCents()).equals(notification.amount()) && payment.getCurrency().equals(notification.currency());
    }

    private static String mismatch(Payment payment, PaymentNotification notification) {
        return "montant notifié " + notification.amount() + " (devise " + notification.currency()
                + ") au lieu de " + payment.getAmountCents() + " (devise " + payment.getCurrency() + ")";
    }

    private void flagForRefund(Payment payment, PaymentNotification notification, String reason, long amountCents, Instant now) {
        payment.conclude(PaymentStatus.REVIEW, notification.getTransUuid(), reason, now);
        addRefund(payment, notification, reason, amountCents, now);
    }

    private void addRefund(Payment payment, PaymentNotification notification, String reason, long amountCents, Instant now) {
        refunds.save(new PaymentRefund(payment.getId(), notification.getId(), notification.getTransUuid(), amountCents, reason, now));
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
        NotificationOutcome outcome = NotificationOutcome.valueOf(notification.getOutcome());
        if (outcome.tell() == NotificationOutcome.Tell.CHECK_PROCESS) {
            runtime.startProcessInstanceByKey(PaymentProcess.CHECK_KEY, checkReference(notification),
                    Map.of(PaymentProcess.NOTIFICATION_ID.name(), notification.getId()));
            notification.correlated(clock.instant());
            return;
        }
        Payment payment = payments.findById(notification.getPaymentId()).orElseThrow();
        String businessKey = payment.getId().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(PaymentProcess.PAYMENT_ID.name(), payment.getId());
        variables.put(PaymentProcess.PAYMENT_STATUS.name(), outcome.statusFor(notification.verdict()).name());
        refunds.findByNotificationId(notificationId).ifPresent(r -> variables.put(PaymentProcess.REFUND_ID.name(), r.getId()));
        if (outcome.tell() == NotificationOutcome.Tell.LATE_PROCESS) {
            runtime.startProcessInstanceByKey(PaymentProcess.LATE_KEY, businessKey, variables);
        } else if (outcome.tell() == NotificationOutcome.Tell.WAITING_PROCESS && isWaiting(businessKey)) {
            runtime.createMessageCorrelation(PaymentProcess.MESSAGE_NOTIFIED).processInstanceBusinessKey(businessKey)
                    .setVariables(variables).correlateWithResult();
        }
        // otherwise the process already went on (its expiry step read the payment's status)
        notification.correlated(clock.instant());
    }

    /** The business key of a {@code paymentCheck}: the order and transaction as the gateway's back office shows them. */
    static String checkReference(PaymentNotification notification) {
        String date = notification.getTransDate() == null || notification.getTransDate().length() < 8 ? ""
                : " du " + notification.getTransDate().substring(6, 8) + "/" + notification.getTransDate().substring(4, 6) + "/"
                        + notification.getTransDate().substring(0, 4);
        return "commande " + notification.getOrderId() + ", transaction " + notification.getTransId() + date;
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
