package fr.portailfamille.payment;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.PortalTime;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The family's side of a payment: what can be paid, the payment record and its process, what became of it. */
@Service
class PaymentService {

    /** A payment the family cannot start, with the French reason shown on the page. */
    static class PaymentRefusedException extends RuntimeException {
        PaymentRefusedException(String message) {
            super(message);
        }
    }

    private final PaymentRepository payments;
    private final InvoiceBook invoices;
    private final FamilyFiles families;
    private final RuntimeService runtime;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentService(PaymentRepository payments, InvoiceBook invoices, FamilyFiles families, RuntimeService runtime,
            PaymentProperties properties, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.families = families;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /** The family's invoices waiting for payment, and which of them a pending payment already holds. */
    @Transactional(readOnly = true)
    List<InvoiceChoice> choices(long familyFileId) {
        List<Long> held = payments.heldInvoiceIds(familyFileId);
        return invoices.pendingOf(familyFileId).stream().map(i -> new InvoiceChoice(i, held.contains(i.id()))).toList();
    }

    /** « FA-2026-000123 » → « 15/12/2026 »: the family's invoices a direct debit will take, which « Étape 1 » does not offer. */
    @Transactional(readOnly = true)
    Map<String, String> awaitingDirectDebit(long familyFileId) {
        Map<String, String> debited = new LinkedHashMap<>();
        invoices.awaitingDirectDebit(familyFileId).forEach((number, day) -> debited.put(number, PortalTime.DATE.format(day)));
        return debited;
    }

    /** An invoice on « Étape 1 », {@code held} while a payment of it waits for the gateway. */
    public record InvoiceChoice(InvoiceBook.PayableInvoice invoice, boolean held) {}

    /** The chosen invoices, checked again: all of them the family's, waiting for payment and not held. */
    @Transactional(readOnly = true)
    List<InvoiceBook.PayableInvoice> selection(long familyFileId, List<Long> invoiceIds) {
        // a blank « facture » binds as a null element: it chooses nothing
        List<Long> chosen = invoiceIds == null ? List.of() : invoiceIds.stream().filter(java.util.Objects::nonNull).toList();
        if (chosen.isEmpty()) {
            throw new PaymentRefusedException("Cochez au moins une facture à payer.");
        }
        Map<Long, InvoiceChoice> choices = choices(familyFileId).stream()
                .collect(Collectors.toMap(c -> c.invoice().id(), Function.identity()));
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(chosen));
        for (Long id : distinct) {
            InvoiceChoice choice = choices.get(id);
            if (choice == null) {
                throw new PaymentRefusedException("Une des factures choisies n'est plus en attente de paiement.");
            }
            if (choice.held()) {
                throw new PaymentRefusedException("La facture " + choice.invoice().number()
                        + " est déjà en cours de paiement : patientez quelques minutes avant de réessayer.");
            }
        }
        return distinct.stream().map(id -> choices.get(id).invoice()).toList();
    }

    /**
     * Saves the payment (PENDING, its invoices held) and starts its process, in one transaction,
     * before the browser leaves for the gateway. A second payment of a held invoice fails here,
     * at the database, even when two arrive at the same instant.
     */
    @Transactional
    Payment start(long familyFileId, List<Long> invoiceIds) {
        return start(familyFileId, invoiceIds, PaymentGateway.SYSTEMPAY);
    }

    /** The same, through the gateway the family chose. */
    @Transactional
    Payment start(long familyFileId, List<Long> invoiceIds, PaymentGateway gateway) {
        List<InvoiceBook.PayableInvoice> chosen = selection(familyFileId, invoiceIds);
        Instant now = clock.instant();
        String email = families.find(familyFileId).map(FamilySummary::emails)
                .flatMap(e -> e.stream().findFirst()).orElse(null);
        Payment payment = new Payment(payments.nextId(), familyFileId, gateway, payments.nextTransId(),
                SystemPayGateway.transDate(now), email, now);
        chosen.forEach(i -> payment.add(i.id(), i.number(), i.amountCents()));
        try {
            payments.saveAndFlush(payment);
        } catch (DataIntegrityViolationException e) {
            throw new PaymentRefusedException(
                    "Une des factures choisies est déjà en cours de paiement : patientez quelques minutes avant de réessayer.");
        }
        runtime.startProcessInstanceByKey(PaymentProcess.KEY, payment.getId().toString(), Map.of(
                PaymentProcess.PAYMENT_ID.name(), payment.getId(),
                PaymentProcess.PAYMENT_TIMEOUT.name(), properties.timeout().toString()));
        return payment;
    }

    /** A payment of this family (never another family's). */
    @Transactional(readOnly = true)
    Optional<Payment> ofFamily(long paymentId, long familyFileId) {
        return payments.findByIdAndFamilyFileId(paymentId, familyFileId).map(p -> {
            p.getInvoices().size();
            return p;
        });
    }

    /** A payment of this family by its reference ({@code vads_order_id}). */
    @Transactional(readOnly = true)
    Optional<Payment> ofFamily(String orderId, long familyFileId) {
        return payments.findByOrderIdAndFamilyFileId(orderId, familyFileId).map(p -> {
            p.getInvoices().size();
            return p;
        });
    }

    /**
     * A payment the gateway never knew (the Treasury refused to create its operation, or did not
     * answer): abandoned at once, its invoices released, and its process told so.
     */
    @Transactional
    void abandonUnsent(long paymentId, String reason) {
        Payment payment = payments.lockById(paymentId).orElseThrow();
        if (payment.getStatus() != PaymentStatus.PENDING || payment.getIdOp() != null) {
            return;
        }
        payment.conclude(PaymentStatus.ABANDONED, null, reason.length() <= 300 ? reason : reason.substring(0, 300), clock.instant());
        runtime.createMessageCorrelation(PaymentProcess.MESSAGE_NOTIFIED).processInstanceBusinessKey(payment.getId().toString())
                .setVariable(PaymentProcess.PAYMENT_ID.name(), payment.getId())
                .setVariable(PaymentProcess.PAYMENT_STATUS.name(), PaymentStatus.ABANDONED.name())
                .correlateWithResult();
    }

    /** The timer went off first: a payment still PENDING expires and its invoices are released. Returns the status. */
    @Transactional
    PaymentStatus expireIfPending(long paymentId) {
        Payment payment = payments.lockById(paymentId).orElseThrow();
        if (payment.getStatus() == PaymentStatus.PENDING) {
            payment.conclude(PaymentStatus.EXPIRED, null, "aucune notification de la banque dans le délai", clock.instant());
        }
        return payment.getStatus();
    }
}
