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
 * récapitulatif » (where the family chooses the gateway when the town offers both) → « Étape 3 : Mon
 * paiement » (SystemPay's signed form, or the PayFiP page of the Treasury's operation), then the
 * return page, which only displays what the gateway's notification made of the payment.
 */
@Controller
class PaymentPagesController {

    private static final String FACTURE = "facture";

    private static final String MOYEN = "moyen";

    private final PaymentService payments;
    private final SystemPayGateway gateway;
    private final PayFipGateway payFip;
    private final PayFipPayments payFipPayments;
    private final PaymentProperties properties;

    PaymentPagesController(PaymentService payments, SystemPayGateway gateway, PayFipGateway payFip, PayFipPayments payFipPayments,
            PaymentProperties properties) {
        this.payments = payments;
        this.gateway = gateway;
        this.payFip = payFip;
        this.payFipPayments = payFipPayments;
        this.properties = properties;
    }

    /** The gateways the town offers and has configured, in the configured order. */
    List<PaymentGateway> gateways() {
        return properties.gateways().stream().distinct()
                .filter(g -> g == PaymentGateway.SYSTEMPAY ? gateway.isConfigured() : payFip.isConfigured()).toList();
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
            model.addAttribute("gateways", gateways());
            return "payment/etape2-recapitulatif";
        } catch (PaymentService.PaymentRefusedException e) {
            return step1(familyFileId, invoiceIds, e.getMessage(), model);
        }
    }

    @OnceOnly
    @PostMapping("/facturation/paiement")
    String pay(@CurrentFamily long familyFileId,
            @RequestParam(name = FACTURE, required = false) List<Long> invoiceIds,
            @RequestParam(name = MOYEN, required = false) String chosenGateway, Model model) {
        List<PaymentGateway> offered = gateways();
        if (offered.isEmpty()) {
            return step1(familyFileId, invoiceIds, "Le paiement en ligne n'est pas disponible pour le moment : "
                    + "vous pouvez payer au guichet de la Régie unique.", model);
        }
        // no choice sent (a page without the choice): the first gateway offered, as the page preselects it
        Optional<PaymentGateway> through = chosenGateway == null ? Optional.of(offered.get(0))
                : offered.stream().filter(g -> g.name().equals(chosenGateway)).findFirst();
        if (through.isEmpty()) {
            return step1(familyFileId, invoiceIds, "Choisissez le moyen de paiement : "
                    + String.join(" ou ", offered.stream().map(PaymentGateway::label).toList()) + ".", model);
        }
        try {
            Payment payment = payments.start(familyFileId, invoiceIds, through.get());
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
        if (payment.get().getGateway() == PaymentGateway.PAYFIP) {
            Optional<String> idOp = payFipPayments.operationOf(payment.get());
            if (idOp.isEmpty()) {
                return step1(familyFileId, List.of(), "Le service de paiement PayFiP n'a pas pu préparer votre paiement : "
                        + "rien n'a été débité, vos factures restent en attente. Réessayez plus tard ou payez au guichet de la Régie unique.",
                        model);
            }
            model.addAttribute("payfipUrl", payFip.paymentPageUrl());
            model.addAttribute("idop", idOp.get());
            return "payment/etape3-paiement";
        }
        model.addAttribute("form", gateway.formFor(payment.get()));
        return "payment/etape3-paiement";
    }

    /** The browser's return from the gateway: its parameters are only a hint of which payment; our table says the rest. */
    @GetMapping("/paiement/retour")
    String returned(@CurrentFamily long familyFileId,
            @RequestParam(name = "vads_order_id", required = false) String orderId,
            @RequestParam(name = "refdet", required = false) String payFipReference, Model model) {
        Optional<Payment> payment = Optional.ofNullable(orderId != null ? orderId : payFipReference)
                .flatMap(o -> payments.ofFamily(o, familyFileId));
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
        model.addAttribute("debited", payments.awaitingDirectDebit(familyFileId));
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
