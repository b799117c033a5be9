package fr.portailfamille.payment;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PayFiP « Régie Web-service », our side: the Treasury's operation asked once per payment before
 * the browser leaves for PayFiP, and its result asked back by {@code idOp} whenever PayFiP
 * notifies us, or the daily reconciliation wonders about a payment still unsettled. The
 * notification's body is never believed: only the answer of {@code recupererDetailPaiementSecurise},
 * checked against the stored payment ({@code idOp}, {@code refdet}, {@code numcli}, {@code exer};
 * the amount when it is applied), is stored and applied like any other notification
 * ({@link NotificationService}: once, and the processes told).
 */
@Service
class PayFipPayments {

    private static final Logger log = LoggerFactory.getLogger(PayFipPayments.class);
    /** The functional error of a payment still in progress at PayFiP: nothing to conclude yet. */
    static final String IN_PROGRESS = "P5";
    static final String SOURCE_NOTIFICATION = "NOTIFICATION";
    static final String SOURCE_RECONCILIATION = "RECONCILIATION";
    static final String SOURCE_EXPIRY = "EXPIRY";

    private final PayFipGateway gateway;
    private final PaymentRepository payments;
    private final PaymentService paymentService;
    private final NotificationService notifications;
    private final PaymentProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PayFipPayments(PayFipGateway gateway, PaymentRepository payments, PaymentService paymentService, NotificationService notifications,
            PaymentProperties properties, TransactionTemplate transaction, Clock clock) {
        this.gateway = gateway;
        this.payments = payments;
        this.paymentService = paymentService;
        this.notifications = notifications;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The idOp of the payment's operation, asked from the Treasury the first time (a reload of the
     * page reuses it). Empty when the Treasury refused or did not answer: the payment is then
     * abandoned at once, its invoices released, since PayFiP never knew it.
     */
    Optional<String> operationOf(Payment payment) {
        if (payment.getIdOp() != null) {
            return Optional.of(payment.getIdOp());
        }
        String idOp;
        try {
            idOp = gateway.createOperation(payment, objet(payment));
        } catch (PayFipClient.PayFipException e) {
            log.warn("PayFiP : opération non créée pour {} ({})", payment.getOrderId(), e.getMessage());
            paymentService.abandonUnsent(payment.getId(), "opération PayFiP non créée : " + e.getMessage());
            return Optional.empty();
        }
        Integer attached = transaction.execute(s -> payments.attachOperation(payment.getId(), idOp));
        if (attached != null && attached == 1) {
            return Optional.of(idOp);
        }
        // another request of the same page attached its own operation first: that one is the payment's
        return payments.findById(payment.getId()).map(Payment::getIdOp);
    }

    /** What the family pays, as PayFiP shows it: the invoices' numbers, in plain ASCII, at most 100 characters. */
    private static String objet(Payment payment) {
        String numbers = payment.getInvoices().stream().map(PaymentInvoice::getInvoiceNumber).collect(Collectors.joining(" "));
        String text = Normalizer.normalize("Factures " + numbers, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9 .,/-]", "");
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    /** PayFiP's notification: only its idOp is read; the Treasury is asked what became of it. */
    NotificationService.Answer notified(String idOp) {
        if (!PayFipGateway.isWellFormedIdOp(idOp)) {
            return new NotificationService.Answer(400, "KO-idop absent ou invalide");
        }
        Optional<Payment> payment = payments.findByIdOp(idOp);
        if (payment.isEmpty()) {
            log.warn("Notification PayFiP pour une opération inconnue");
            return new NotificationService.Answer(404, "KO-operation inconnue");
        }
        return ask(payment.get(), SOURCE_NOTIFICATION);
    }

    /**
     * Asks the Treasury again about each PayFiP payment not settled yet (pending, or expired by our
     * timeout) of the last {@code portal.payment.payfip.requery-days}: a lost notification is
     * made good here. Returns how many answers were applied.
     */
    int requery() {
        int applied = 0;
        for (Long id : payments.payFipToRequery(clock.instant().minus(Duration.ofDays(properties.payfip().requeryDays())))) {
            Optional<Payment> payment = payments.findById(id);
            if (payment.isPresent() && ask(payment.get(), SOURCE_RECONCILIATION).status() == 200) {
                applied++;
            }
        }
        return applied;
    }

    /**
     * Before our timeout expires a PayFiP payment, the Treasury is asked once more: a payment
     * taken whose notification was lost is settled at the timeout rather than the next morning.
     * Whatever the answer (or none), the expiry step then reads the payment's status.
     */
    void askBeforeExpiry(long paymentId) {
        Optional<Payment> payment = payments.findById(paymentId)
                .filter(p -> p.getGateway() == PaymentGateway.PAYFIP && p.getIdOp() != null && p.getStatus() == PaymentStatus.PENDING);
        Optional<PaymentNotification> believed = payment.flatMap(p -> believe(p, SOURCE_EXPIRY).believed());
        believed.ifPresent(notifications::recordForTheWaitingProcess);
    }

    private NotificationService.Answer ask(Payment payment, String source) {
        Asked asked = believe(payment, source);
        return asked.believed().map(notifications::record).orElse(asked.answer());
    }

    /** The Treasury's detail of the payment's operation when it is believed, else the answer why not. */
    private record Asked(Optional<PaymentNotification> believed, NotificationService.Answer answer) {}

    private Asked believe(Payment payment, String source) {
        PayFipMessages.Details details;
        try {
            details = gateway.details(payment.getIdOp());
        } catch (PayFipClient.PayFipException e) {
            if (e.code().filter(IN_PROGRESS::equals).isPresent()) {
                return new Asked(Optional.empty(), new NotificationService.Answer(202, "OK-paiement en cours"));
            }
            log.warn("PayFiP : détail de {} indisponible ({})", payment.getOrderId(), e.getMessage());
            return new Asked(Optional.empty(), new NotificationService.Answer(503, "KO-service PayFiP indisponible"));
        }
        PayFipGateway.Check check = gateway.check(details, payment);
        if (check != PayFipGateway.Check.VALID) {
            log.warn("PayFiP : détail refusé ({}) pour {}", check, payment.getOrderId());
            return new Asked(Optional.empty(), new NotificationService.Answer(400, "KO-" + check.name().toLowerCase().replace('_', '-')));
        }
        return new Asked(Optional.of(PaymentNotification.ofPayFip(details.fields(), source, clock.instant())), null);
    }
}
