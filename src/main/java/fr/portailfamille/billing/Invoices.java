package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The billing module's public service: what the home tile, the tabs and « Mon dossier » show of a family's invoices. */
@Service
@Transactional(readOnly = true)
public class Invoices {

    private final InvoiceStore store;
    private final DeskPayments deskPayments;
    private final List<InvoiceCollections> collections;
    private final org.springframework.context.ApplicationEventPublisher events;

    Invoices(InvoiceStore store, DeskPayments deskPayments, List<InvoiceCollections> collections,
            org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.deskPayments = deskPayments;
        this.collections = collections;
        this.events = events;
    }

    /** How many published invoices of the family wait for payment (the tabs' counter: one statement, no transaction of its own). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public long pendingCount(long familyFileId) {
        return store.pendingCount(familyFileId);
    }

    /** What the family still owes on its pending invoices, in euros. */
    public BigDecimal pendingTotal(long familyFileId) {
        return store.pendingTotal(familyFileId);
    }

    /**
     * The family's invoices waiting for the family to pay them, newest first: an invoice in a
     * direct-debit batch is not (the bank takes it on its debit day; {@link InvoiceCollections}).
     */
    public List<PendingInvoice> pending(long familyFileId) {
        List<PendingInvoice> pending = store.ofFamily(familyFileId, List.of(InvoiceState.PENDING)).stream()
                .map(Invoices::pending)
                .toList();
        java.util.Set<Long> debited = debitDays(pending.stream().map(PendingInvoice::id).toList()).keySet();
        return debited.isEmpty() ? pending : pending.stream().filter(i -> !debited.contains(i.id())).toList();
    }

    /**
     * The family's invoices waiting for payment that a direct debit will take, each invoice's number
     * with its debit day, oldest first: what the online payment tells the family it does not offer.
     */
    public java.util.Map<String, java.time.LocalDate> awaitingDirectDebit(long familyFileId) {
        List<PendingInvoice> pending = store.ofFamily(familyFileId, List.of(InvoiceState.PENDING)).stream()
                .map(Invoices::pending)
                .sorted(java.util.Comparator.comparing(PendingInvoice::id))
                .toList();
        java.util.Map<Long, java.time.LocalDate> days = debitDays(pending.stream().map(PendingInvoice::id).toList());
        java.util.Map<String, java.time.LocalDate> debited = new java.util.LinkedHashMap<>();
        pending.stream().filter(i -> days.containsKey(i.id())).forEach(i -> debited.put(i.number(), days.get(i.id())));
        return debited;
    }

    /** Of these invoices, those a direct debit will take, with the day. */
    java.util.Map<Long, java.time.LocalDate> debitDays(java.util.Collection<Long> invoiceIds) {
        if (collections.isEmpty() || invoiceIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, java.time.LocalDate> days = new java.util.HashMap<>();
        collections.forEach(c -> days.putAll(c.debitDays(invoiceIds)));
        return days;
    }

    /** The family's account for the staff's family page: published invoices (newest first), balance, credit, payments. */
    public FamilyAccount accountOf(long familyFileId) {
        List<InvoiceView> invoices = store.ofFamily(familyFileId,
                List.of(InvoiceState.PENDING, InvoiceState.PAID, InvoiceState.CANCELLED));
        List<FamilyAccount.Invoice> lines = invoices.stream()
                .map(i -> new FamilyAccount.Invoice(i.id(), i.number(), i.period(), i.state(), i.total(),
                        i.state() == InvoiceState.PENDING ? i.amountDue() : BigDecimal.ZERO, i.dueOnText()))
                .toList();
        BigDecimal due = lines.stream().map(FamilyAccount.Invoice::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<FamilyAccount.Payment> payments = invoices.stream()
                .flatMap(i -> i.payments().stream().map(p -> new FamilyAccount.Payment(p.modeLabel(), p.amount(), p.paidAt(), i.number())))
                .sorted(java.util.Comparator.comparing(FamilyAccount.Payment::paidAt).reversed())
                .toList();
        return new FamilyAccount(lines, due, deskPayments.creditOf(familyFileId), payments, deskPayments.receiptsOf(familyFileId));
    }

    // --- used by the module following unpaid invoices ---

    /**
     * The invoice if it still waits for payment, its row locked until the caller's transaction ends:
     * a payment of it in flight either committed before (empty) or waits for the caller to finish.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public java.util.Optional<PendingInvoice> lockIfPending(long invoiceId) {
        return store.lockIfPending(invoiceId).map(Invoices::pending);
    }

    /** Those of these invoices that still wait for payment (what each still owes), in no particular order. */
    public List<PendingInvoice> stillPending(java.util.Collection<Long> invoiceIds) {
        return store.pendingAmong(invoiceIds).stream().map(Invoices::pending).toList();
    }

    /** The activities billed on each of these invoices (names, in line order, without repetition). */
    public java.util.Map<Long, List<String>> activitiesOf(java.util.Collection<Long> invoiceIds) {
        return store.activitiesOf(invoiceIds);
    }

    // --- used by the module sending direct debits ---

    /** The month each of these invoices bills, {@code yyyy-MM}. */
    public java.util.Map<Long, java.time.YearMonth> monthsOf(java.util.Collection<Long> invoiceIds) {
        return store.monthsOf(invoiceIds);
    }

    /**
     * Settles an invoice taken by a SEPA direct debit (mode {@code PRELEVEMENT}, for what it still
     * owes), in the caller's transaction; false, nothing changed, when it no longer waits for payment.
     */
    @Transactional
    public boolean settleByDirectDebit(long invoiceId, java.time.Instant paidAt) {
        return store.lockIfPending(invoiceId).map(i -> {
            store.settle(i.id(), null, "PRELEVEMENT", i.amountDue(), paidAt);
            return true;
        }).orElse(false);
    }

    /**
     * The bank rejected the direct debit that settled this invoice: its direct-debit payment is
     * withdrawn and the invoice waits for payment again (card, desk). False when it was not settled by
     * direct debit (nothing changed). {@link InvoiceReopened} tells the modules that follow unpaid
     * invoices (the reminders start again).
     */
    @Transactional
    public boolean reverseDirectDebit(long invoiceId) {
        if (!store.reverseDirectDebit(invoiceId)) {
            return false;
        }
        store.find(invoiceId).filter(i -> i.state() == InvoiceState.PENDING)
                .ifPresent(i -> events.publishEvent(new InvoiceReopened(pending(i))));
        return true;
    }

    private static PendingInvoice pending(InvoiceView i) {
        return new PendingInvoice(i.id(), i.familyFileId(), i.number(), i.period(), i.amountDue(), i.dueOn());
    }

    // --- used by the payment module ---

    /**
     * Settles invoices of a family paid online by card (mode {@code EN_LIGNE}, each for what it still
     * owes), all or nothing, in the caller's transaction: {@code false}, and nothing changed, when one
     * of them is not this family's or no longer waits for payment. {@code paymentReference} is the
     * online payment's reference (kept by the payment module).
     */
    @Transactional
    public boolean settle(long familyFileId, List<Long> invoiceIds, String paymentReference, java.time.Instant paidAt) {
        List<InvoiceView> toSettle = invoiceIds.stream().map(store::find).flatMap(java.util.Optional::stream)
                .filter(i -> i.familyFileId() == familyFileId && i.state() == InvoiceState.PENDING)
                .toList();
        if (toSettle.size() != invoiceIds.size()) {
            return false;
        }
        toSettle.forEach(i -> store.settle(i.id(), null, "EN_LIGNE", i.amountDue(), paidAt));
        return true;
    }
}
