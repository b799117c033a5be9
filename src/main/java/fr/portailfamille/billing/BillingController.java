package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.family.FamilySummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The family's « Facturation » tab: pending invoices, history, PDFs, tax certificate. Only its own invoices. */
@Controller
class BillingController {

    private final InvoiceStore invoices;
    private final TaxCertificates certificates;
    private final DeskPayments payments;
    private final Clock clock;
    private final Corrections corrections;

    private final List<InvoiceFollowUps> followUps;

    BillingController(InvoiceStore invoices, TaxCertificates certificates, DeskPayments payments, Clock clock,
            List<InvoiceFollowUps> followUps, Corrections corrections) {
        this.followUps = followUps;
        this.corrections = corrections;
        this.invoices = invoices;
        this.certificates = certificates;
        this.payments = payments;
        this.clock = clock;
    }

    @GetMapping("/facturation")
    String pending(@CurrentFamily long familyFileId, Model model) {
        List<InvoiceView> pending = invoices.ofFamily(familyFileId, List.of(InvoiceState.PENDING));
        model.addAttribute("invoices", pending);
        // the same sum as InvoiceStore.pendingTotal, from the invoices just read
        model.addAttribute("pendingTotal", Euros.of(pending.stream().map(i -> i.total().subtract(i.paidAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        java.util.Map<Long, List<String>> notes = new java.util.HashMap<>();
        followUps.forEach(f -> f.linesOf(familyFileId).forEach((id, lines) -> notes.computeIfAbsent(id, k -> new java.util.ArrayList<>()).addAll(lines)));
        model.addAttribute("followUps", notes);
        BigDecimal credit = payments.creditOf(familyFileId);
        model.addAttribute("credit", credit.signum() > 0 ? Euros.of(credit) : null);
        int thisYear = Year.now(clock).getValue();
        model.addAttribute("years", IntStream.rangeClosed(0, 2).map(i -> thisYear - i).boxed().toList());
        return "billing/facturation";
    }

    @GetMapping("/facturation/historique")
    String history(@CurrentFamily long familyFileId, Model model) {
        model.addAttribute("invoices", invoices.ofFamily(familyFileId, List.of(InvoiceState.PENDING, InvoiceState.PAID, InvoiceState.CANCELLED)));
        model.addAttribute("receipts", payments.receiptsOf(familyFileId));
        model.addAttribute("creditNotes", corrections.ofFamily(familyFileId));
        return "billing/historique";
    }

    /** A credit note's stored PDF; another family's (or an unknown id) is a 404. */
    @GetMapping("/facturation/avoirs/{id}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@CurrentFamily long familyFileId, @PathVariable String id) {
        byte[] pdf = corrections.pdf(parseId(id), familyFileId).orElseThrow(BillingController::notFound);
        return pdf(pdf, "avoir-" + parseId(id) + ".pdf");
    }

    /** The PDF stored at publication; another family's invoice (or an unknown id) is a 404. */
    @GetMapping("/facturation/factures/{id}/pdf")
    ResponseEntity<byte[]> pdf(@CurrentFamily long familyFileId, @PathVariable String id) {
        long invoiceId = parseId(id);
        byte[] pdf = invoices.pdf(invoiceId, familyFileId).orElseThrow(BillingController::notFound);
        String number = invoices.find(invoiceId).map(InvoiceView::number).orElse("facture");
        return pdf(pdf, "facture-" + number + ".pdf");
    }

    /** The receipt of a desk payment of this family; another family's (or an unknown id) is a 404. */
    @GetMapping("/facturation/recus/{id}/pdf")
    ResponseEntity<byte[]> receipt(@CurrentFamily long familyFileId, @PathVariable String id) {
        long paymentId = parseId(id);
        byte[] pdf = payments.receiptPdf(paymentId, familyFileId).orElseThrow(BillingController::notFound);
        return pdf(pdf, "recu-" + payments.receipt(paymentId).map(DeskReceipt::number).orElse("guichet") + ".pdf");
    }

    @GetMapping("/facturation/attestation-fiscale")
    ResponseEntity<byte[]> taxCertificate(@CurrentFamily FamilySummary family,
            @RequestParam(name = "annee", required = false) String year) {
        int thisYear = Year.now(clock).getValue();
        int asked;
        try {
            asked = Integer.parseInt(year == null ? "" : year.trim());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "année invalide");
        }
        if (asked < 2000 || asked > thisYear) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "année invalide");
        }
        return pdf(certificates.certificate(family, asked), "attestation-fiscale-" + asked + ".pdf");
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
