package fr.portailfamille.billing;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The billing module's public service: what the home tile, the tabs and « Mon dossier » show of a family's invoices. */
@Service
@Transactional(readOnly = true)
public class Invoices {

    private final InvoiceStore store;
    private final DeskPayments deskPayments;

    Invoices(InvoiceStore store, DeskPayments deskPayments) {
        this.store = store;
        this.deskPayments = deskPayments;
    }

    /** How many published invoices of the family wait for payment. */
    public long pendingCount(long familyFileId) {
        return store.pendingCount(familyFileId);
    }

    /** What the family still owes on its pending invoices, in euros. */
    public BigDecimal pendingTotal(long familyFileId) {
        return store.pendingTotal(familyFileId);
    }

    /** The family's invoices waiting for payment, newest first. */
    public List<PendingInvoice> pending(long familyFileId) {
        return store.ofFamily(familyFileId, List.of(InvoiceState.PENDING)).stream()
                .map(Invoices::pending)
                .toList();
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
