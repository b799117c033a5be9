package fr.portailfamille.billing;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.Euros;
import fr.portailfamille.system.mail.MailService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments received at the desk of the Régie unique (cash, cheque, CESU): they settle whole
 * invoices of one family. Paying less than what those invoices still owe is refused, except for one
 * invoice under a payment plan ({@link PartPaymentPlans}: an instalment); paying more is recorded
 * as a credit of the family. Never silent: every refusal says why, in French.
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

    /** What was recorded: the payment, the credit it left (zero when none) and its receipt's number. */
    record Recorded(long deskPaymentId, BigDecimal credit, String receiptNumber) {}

    private final FamilyFiles families;
    private final InvoiceStore invoices;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final InvoicePdf pdf;
    private final MailService mail;
    private final List<PartPaymentPlans> plans;

    DeskPayments(FamilyFiles families, InvoiceStore invoices, JdbcClient jdbc, Clock clock, InvoicePdf pdf, MailService mail,
            List<PartPaymentPlans> plans) {
        this.pdf = pdf;
        this.mail = mail;
        this.plans = plans;
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
        if (received.compareTo(request.due()) < 0 && !partOfAPlan(settled)) {
            throw new BillingException("Paiement refusé : " + Euros.of(received) + " reçus pour "
                    + Euros.of(request.due()) + " dus sur " + String.join(", ", numbers)
                    + ". Un paiement partiel n'est pas accepté au guichet : encaissez le montant dû ou retirez une facture.");
        }
        return request;
    }

    /** One invoice under a payment plan: the desk takes an instalment, less than what it still owes. */
    private boolean partOfAPlan(List<InvoiceView> settled) {
        return settled.size() == 1 && plans.stream().anyMatch(p -> p.allowsPartPayment(settled.get(0).id()));
    }

    /**
     * Records a checked payment: each invoice settled (in full, or in part for an instalment of a
     * plan), the surplus kept as the family's credit.
     */
    @Transactional
    Recorded record(Request request, String agent, String processInstanceId) {
        Instant now = clock.instant();
        long paymentId = jdbc.sql("""
                insert into desk_payment (family_file_id, mode, amount, received_at, recorded_by, process_instance_id)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(request.family().id(), request.mode(), request.amount(), java.sql.Timestamp.from(now),
                agent == null ? "inconnu" : agent, processInstanceId).query(Long.class).single();
        BigDecimal left = request.amount();
        for (InvoiceView invoice : request.invoices()) {
            BigDecimal part = left.min(invoice.amountDue());
            invoices.settle(invoice.id(), paymentId, request.mode(), part, now);
            left = left.subtract(part);
        }
        BigDecimal credit = request.amount().subtract(request.due());
        if (credit.signum() > 0) {
            jdbc.sql("insert into credit (family_file_id, desk_payment_id, amount, reason) values (?, ?, ?, ?)")
                    .params(request.family().id(), paymentId, credit, "Trop-perçu du paiement au guichet n° " + paymentId).update();
        }
        String receiptNumber = String.format(java.util.Locale.ROOT, "RG-%d-%06d", now.atZone(fr.portailfamille.system.PortalTime.ZONE).getYear(),
                paymentId);
        byte[] receipt = pdf.receipt(new InvoicePdf.Receipt(receiptNumber, request.family().name(), request.family().number(),
                request.invoices(), request.amount(), new InvoiceView.Payment(request.mode(), request.amount(), now).modeLabel(), now,
                agent == null ? "inconnu" : agent, credit.max(BigDecimal.ZERO)));
        jdbc.sql("update desk_payment set receipt_number = ?, receipt_pdf = ? where id = ?").params(receiptNumber, receipt, paymentId).update();
        return new Recorded(paymentId, credit.max(BigDecimal.ZERO), receiptNumber);
    }

    private static final String RECEIPT = "select id, receipt_number, family_file_id, amount, mode, received_at from desk_payment";

    private static DeskReceipt receipt(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DeskReceipt(rs.getLong("id"), rs.getString("receipt_number"), rs.getLong("family_file_id"), rs.getBigDecimal("amount"),
                rs.getString("mode"), rs.getTimestamp("received_at").toInstant());
    }

    /** The family's desk payments that have a receipt, newest first. */
    @Transactional(readOnly = true)
    public List<DeskReceipt> receiptsOf(long familyFileId) {
        return jdbc.sql(RECEIPT + " where family_file_id = ? and receipt_number is not null order by received_at desc, id desc")
                .param(familyFileId).query(DeskPayments::receipt).list();
    }

    @Transactional(readOnly = true)
    Optional<DeskReceipt> receipt(long deskPaymentId) {
        return jdbc.sql(RECEIPT + " where id = ? and receipt_number is not null").param(deskPaymentId).query(DeskPayments::receipt).optional();
    }

    /** The receipt's PDF, only if that payment is this family's (another family's, or none: empty). */
    @Transactional(readOnly = true)
    Optional<byte[]> receiptPdf(long deskPaymentId, long familyFileId) {
        return jdbc.sql("select receipt_pdf from desk_payment where id = ? and family_file_id = ? and receipt_pdf is not null")
                .params(deskPaymentId, familyFileId).query((rs, i) -> rs.getBytes(1)).optional();
    }

    /** Mails the receipt to every address of the family, once (an asynchronous step of the process; a retry after it went out sends nothing). */
    @Transactional
    void mailReceipt(long deskPaymentId) {
        DeskReceipt receipt = receipt(deskPaymentId).orElseThrow();
        int claimed = jdbc.sql("update desk_payment set receipt_mailed_at = ? where id = ? and receipt_mailed_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), deskPaymentId).update();
        if (claimed == 0) {
            return;
        }
        FamilySummary family = families.find(receipt.familyFileId()).orElseThrow();
        byte[] content = receiptPdf(deskPaymentId, receipt.familyFileId()).orElseThrow();
        Map<String, Object> model = Map.of("number", receipt.number(), "amount", receipt.amountText(), "mode", receipt.modeLabel(),
                "day", receipt.receivedOnText(), "family", family.name());
        for (String to : family.emails()) {
            mail.send(new MailService.Mail(to, "Reçu de votre paiement au guichet – " + receipt.number(), "desk-payment-receipt", model,
                    List.of(new MailService.Attachment("recu-" + receipt.number() + ".pdf", "application/pdf", content))));
        }
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
