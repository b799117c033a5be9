package fr.portailfamille.payment;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SystemPay shop ({@code portal.payment.systempay.*}): only URLs and keys differ between the
 * real gateway and the simulator.
 *
 * @param siteId          {@code vads_site_id}, 8 digits
 * @param ctxMode         TEST or PRODUCTION: which key signs, and which notifications are accepted
 * @param testKey         the shop's TEST key
 * @param productionKey   the shop's PRODUCTION key (from the environment, never in the repository)
 * @param algorithm       HMAC_SHA_256 (current) or SHA_1 (legacy shops)
 * @param gatewayUrl      where the browser's form is posted
 * @param notificationUrl our IPN endpoint as the gateway reaches it ({@code vads_url_check})
 * @param returnUrl       where the gateway sends the browser back ({@code vads_url_return})
 */
record SystemPayConfiguration(
        String siteId,
        @DefaultValue("TEST") CtxMode ctxMode,
        String testKey,
        String productionKey,
        @DefaultValue("HMAC_SHA_256") SignatureAlgorithm algorithm,
        @DefaultValue("https://paiement.systempay.fr/vads-payment/") String gatewayUrl,
        String notificationUrl,
        String returnUrl) {

    enum CtxMode { TEST, PRODUCTION }

    /** The key that signs and verifies in a mode; PRODUCTION never falls back to the TEST key. */
    String keyFor(String mode) {
        if (CtxMode.PRODUCTION.name().equals(mode)) {
            return productionKey;
        }
        return CtxMode.TEST.name().equals(mode) ? testKey : null;
    }

    /** The origin (scheme, host, port) of the gateway, for the pages' Content-Security-Policy. */
    String gatewayOrigin() {
        java.net.URI uri = java.net.URI.create(gatewayUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
