package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.system.web.OnceOnly;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The family's payment pages (guide wording): « Étape 1 : Mes factures » → « Étape 2 : Mon
 * récapitulatif » → « Étape 3 : Mon paiement » (the signed form to the gateway), then the return
 * page, which only displays what the gateway's notification made of the payment.
 */
@Controller
class PaymentPagesController {

    private static final String FACTURE = "facture";

    private final PaymentService payments;
    private final SystemPayGateway gateway;

    PaymentPagesController(PaymentService payments, SystemPayGateway gateway) {
        this.payments = payments;
        this.gateway = gateway;
    }

    @GetMapping("/facturation/paiement")
    String chooseInvoices(@CurrentFamily long familyFileId, Model model) {
        return step1(familyFileId, List.of(), null, model);
    }

    @GetMapping("/facturation/paiement/recapitulatif")
    String summary(@CurrentFamily long familyFileId,
            @RequestParam(name = FACTURE, required = false) List<Long> invoiceIds, Model model) {
        try {
            List<InvoiceBook.PayableInvoice> chosen = payments.selection(familyFileId, invoiceIds);
            model.addAttribute("invoices", chosen);
            model.addAttribute("total", Euros.ofCents(chosen.stream().mapToLong(InvoiceBook.PayableInvoice::amountCents).sum()));
            return "payment/etape2-recapitulatif";
        } catch (PaymentService.PaymentRefusedException e) {
            return step1(familyFileId, invoiceIds, e.getMessage(), model);
        }
    }

    @OnceOnly
    @PostMapping("/facturation/paiement")
    String pay(@CurrentFamily long familyFileId,
            @RequestParam(name = FACTURE, required = false) List<Long> invoiceIds, Model model) {
        if (!gateway.isConfigured()) {
            return step1(familyFileId, invoiceIds, "Le paiement en ligne n'est pas disponible pour le moment : "
                    + "vous pouvez payer au guichet de la Régie unique.", model);
        }
        try {
            Payment payment = payments.start(familyFileId, invoiceIds);
            return "redirect:/facturation/paiement/" + payment.getId();
        } catch (PaymentService.PaymentRefusedException e) {
            return step1(familyFileId, invoiceIds, e.getMessage(), model);
        }
    }

    @GetMapping("/facturation/paiement/{id}")
    String toGateway(@CurrentFamily long familyFileId, @PathVariable long id, Model model) {
        Optional<Payment> payment = payments.ofFamily(id, familyFileId);
        if (payment.isEmpty()) {
            return "redirect:/facturation/paiement";
        }
        if (payment.get().getStatus() != PaymentStatus.PENDING) {
            return "redirect:/paiement/retour?vads_order_id=" + payment.get().getOrderId();
        }
        model.addAttribute("payment", view(payment.get()));
        model.addAttribute("form", gateway.formFor(payment.get()));
        return "payment/etape3-paiement";
    }

    /** The browser's return from the gateway: its parameters are only a hint of which payment; our table says the rest. */
    @GetMapping("/paiement/retour")
    String returned(@CurrentFamily long familyFileId,
            @RequestParam(name = "vads_order_id", required = false) String orderId, Model model) {
        Optional<Payment> payment = Optional.ofNullable(orderId).flatMap(o -> payments.ofFamily(o, familyFileId));
        model.addAttribute("payment", payment.map(PaymentPagesController::view).orElse(null));
        return "payment/retour";
    }

    /** What the return page polls while the notification has not arrived. */
    @GetMapping("/paiement/{orderId}/etat")
    @ResponseBody
    ResponseEntity<Map<String, String>> state(@CurrentFamily long familyFileId, @PathVariable String orderId) {
        return payments.ofFamily(orderId, familyFileId)
                .map(p -> ResponseEntity.ok(Map.of("status", p.getStatus().name())))
                .orElse(ResponseEntity.notFound().build());
    }

    private String step1(long familyFileId, List<Long> ticked, String error, Model model) {
        model.addAttribute("choices", payments.choices(familyFileId));
        model.addAttribute("ticked", ticked == null ? List.of() : ticked);
        model.addAttribute("error", error);
        return "payment/etape1-factures";
    }

    /** A payment as the pages show it. */
    public record PaymentView(String reference, PaymentStatus status, String amount, List<InvoiceLine> invoices) {

        public record InvoiceLine(String number, String amount) {}
    }

    static PaymentView view(Payment payment) {
        return new PaymentView(payment.getOrderId(), payment.getStatus(), Euros.ofCents(payment.getAmountCents()),
                payment.getInvoices().stream()
                        .map(i -> new PaymentView.InvoiceLine(i.getInvoiceNumber(), Euros.ofCents(i.getAmountCents()))).toList());
    }
}
