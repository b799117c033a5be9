package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments received at the desk of the Régie unique (cash, cheque, CESU): they settle whole
 * invoices of one family. Paying less than what those invoices still owe is refused; paying more
 * is recorded as a credit of the family. Never silent: every refusal says why, in French.
 */
@Service
class DeskPayments {

    static final Set<String> MODES = Set.of("ESPECES", "CHEQUE", "CESU");

    /** A checked request: the family, the mode, the amount and the invoices it settles. */
    record Request(FamilySummary family, String mode, BigDecimal amount, List<InvoiceView> invoices) {

        BigDecimal due() {
            return invoices.stream().map(InvoiceView::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** What was recorded: the payment and the credit it left (zero when none). */
    record Recorded(long deskPaymentId, BigDecimal credit) {}

    private final FamilyFiles families;
    private final InvoiceStore invoices;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeskPayments(FamilyFiles families, InvoiceStore invoices, JdbcClient jdbc, Clock clock) {
        this.families = families;
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks what the agent typed; throws a {@link BillingException} with a French message otherwise. */
    @Transactional(readOnly = true)
    Request check(Object fileNumber, Object mode, Object amount, Object invoiceNumbers) {
        String number = text(fileNumber);
        FamilySummary family = families.findByNumber(number)
                .orElseThrow(() -> new BillingException("Aucun dossier famille n° « " + number + " »."));
        String paymentMode = text(mode).toUpperCase();
        if (!MODES.contains(paymentMode)) {
            throw new BillingException("Mode de paiement « " + text(mode) + " » inconnu : espèces, chèque ou CESU.");
        }
        BigDecimal received = amount(amount);
        Set<String> numbers = new LinkedHashSet<>(Arrays.stream(text(invoiceNumbers).toUpperCase().split("[\\s,;]+"))
                .filter(s -> !s.isBlank()).toList());
        if (numbers.isEmpty()) {
            throw new BillingException("Indiquez le ou les numéros de facture réglés (par exemple FA-2026-000123).");
        }
        List<InvoiceView> settled = new ArrayList<>();
        for (String invoiceNumber : numbers) {
            InvoiceView invoice = invoices.findByNumber(invoiceNumber).filter(i -> i.familyFileId() == family.id())
                    .orElseThrow(() -> new BillingException("La facture " + invoiceNumber + " n'est pas une facture du dossier n° "
                            + family.number() + "."));
            if (invoice.state() != InvoiceState.PENDING) {
                throw new BillingException("La facture " + invoiceNumber + " n'est pas en attente de paiement (" + invoice.state().label() + ").");
            }
            settled.add(invoice);
        }
        Request request = new Request(family, paymentMode, received, settled);
        if (received.compareTo(request.due()) < 0) {
            throw new BillingException("Paiement refusé : " + Euros.of(received) + " reçus pour "
                    + Euros.of(request.due()) + " dus sur " + String.join(", ", numbers)
                    + ". Un paiement partiel n'est pas accepté au guichet : encaissez le montant dû ou retirez une facture.");
        }
        return request;
    }

    /** Records a checked payment: each invoice settled in full, the surplus kept as the family's credit. */
    @Transactional
    Recorded record(Request request, String agent, String processInstanceId) {
        Instant now = clock.instant();
        long paymentId = jdbc.sql("""
                insert into desk_payment (family_file_id, mode, amount, received_at, recorded_by, process_instance_id)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(request.family().id(), request.mode(), request.amount(), java.sql.Timestamp.from(now),
                agent == null ? "inconnu" : agent, processInstanceId).query(Long.class).single();
        for (InvoiceView invoice : request.invoices()) {
            invoices.settle(invoice.id(), paymentId, request.mode(), invoice.amountDue(), now);
        }
        BigDecimal credit = request.amount().subtract(request.due());
        if (credit.signum() > 0) {
            jdbc.sql("insert into credit (family_file_id, desk_payment_id, amount, reason) values (?, ?, ?, ?)")
                    .params(request.family().id(), paymentId, credit, "Trop-perçu du paiement au guichet n° " + paymentId).update();
        }
        return new Recorded(paymentId, credit.max(BigDecimal.ZERO));
    }

    /** The family's credit not used yet. */
    BigDecimal creditOf(long familyFileId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from credit where family_file_id = ?").param(familyFileId)
                .query(BigDecimal.class).single();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    private static BigDecimal amount(Object value) {
        if (value instanceof Number n) {
            return positive(new BigDecimal(n.toString()));
        }
        String typed = text(value).replace(" ", "").replace("\u00a0", "").replace("€", "").replace(',', '.');
        try {
            return positive(new BigDecimal(typed));
        } catch (NumberFormatException e) {
            throw new BillingException("Montant « " + text(value) + " » invalide : saisissez un montant en euros, par exemple 45,50.");
        }
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw new BillingException("Le montant reçu doit être positif, au centime près (par exemple 45,50).");
        }
        return amount.setScale(2);
    }
}
