package fr.portailfamille.payment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /paiement/systempay/ipn}: the gateway's server-to-server notification, answered with a short text. */
@RestController
class SystemPayNotificationController {

    private final NotificationService notifications;

    SystemPayNotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @PostMapping(path = PaymentConfiguration.NOTIFICATION_PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> notification(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? "" : values[0]));
        NotificationService.Answer answer = notifications.receive(fields);
        return ResponseEntity.status(answer.status()).contentType(MediaType.TEXT_PLAIN).body(answer.body());
    }
}
