package fr.portailfamille.payment;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /paiement/payfip/notification} ({@code urlnotif}): PayFiP tells us an operation ended.
 * Only its {@code idop} is read (any other field, even one saying « paid », is ignored): the
 * Treasury's web service is asked what became of it. Answered with a short text.
 */
@RestController
class PayFipNotificationController {

    private final PayFipPayments payFip;

    PayFipNotificationController(PayFipPayments payFip) {
        this.payFip = payFip;
    }

    @PostMapping(path = PaymentConfiguration.PAYFIP_NOTIFICATION_PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> notification(@RequestParam(name = "idop", required = false) String idop,
            @RequestParam(name = "idOp", required = false) String idOp) {
        NotificationService.Answer answer = payFip.notified(idop != null ? idop : idOp);
        return ResponseEntity.status(answer.status()).contentType(MediaType.TEXT_PLAIN).body(answer.body());
    }
}
