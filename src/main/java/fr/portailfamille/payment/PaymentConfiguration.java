package fr.portailfamille.payment;

import fr.portailfamille.system.web.FormTargets;
import fr.portailfamille.system.web.PublicRoutes;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SystemPay shop of the configuration, the gateway's public notification endpoint, and the form target. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    static final String NOTIFICATION_PATH = "/paiement/systempay/ipn";

    @Bean
    SystemPayGateway systemPayGateway(PaymentProperties properties) {
        return new SystemPayGateway(properties.systempay());
    }

    /** The gateway calls the notification server to server: no login, no CSRF token (its signature is the proof). */
    @Bean
    PublicRoutes paymentPublicRoutes() {
        return new PublicRoutes(List.of(NOTIFICATION_PATH), List.of(NOTIFICATION_PATH));
    }

    /** The browser posts the signed payment form to the gateway. */
    @Bean
    FormTargets paymentFormTargets(PaymentProperties properties) {
        return new FormTargets(List.of(properties.systempay().gatewayOrigin()));
    }
}
