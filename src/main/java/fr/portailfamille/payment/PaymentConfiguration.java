package fr.portailfamille.payment;

import fr.portailfamille.system.web.FormTargets;
import fr.portailfamille.system.web.PublicRoutes;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateways of the configuration (SystemPay, PayFiP), their public notification endpoints, and the form targets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    static final String NOTIFICATION_PATH = "/paiement/systempay/ipn";
    static final String PAYFIP_NOTIFICATION_PATH = "/paiement/payfip/notification";

    @Bean
    SystemPayGateway systemPayGateway(PaymentProperties properties) {
        return new SystemPayGateway(properties.systempay());
    }

    @Bean
    PayFipGateway payFipGateway(PaymentProperties properties) {
        return new PayFipGateway(properties.payfip(), new PayFipClient(properties.payfip()));
    }

    /**
     * The gateways call their notification server to server: no login, no CSRF token (SystemPay's
     * signature is the proof; PayFiP's body is never believed, the Treasury is asked).
     */
    @Bean
    PublicRoutes paymentPublicRoutes() {
        return new PublicRoutes(List.of(NOTIFICATION_PATH, PAYFIP_NOTIFICATION_PATH), List.of(NOTIFICATION_PATH, PAYFIP_NOTIFICATION_PATH));
    }

    /** The browser posts the signed payment form to SystemPay, and goes to PayFiP's page with a GET form. */
    @Bean
    FormTargets paymentFormTargets(PaymentProperties properties) {
        return new FormTargets(List.of(properties.systempay().gatewayOrigin(), properties.payfip().paymentPageOrigin()));
    }
}
