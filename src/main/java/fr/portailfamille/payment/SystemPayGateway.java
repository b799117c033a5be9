package fr.portailfamille.payment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SystemPay adapter (docs/systempay.md): the signed form that sends the browser to the gateway,
 * and the checks of a notification before anything is believed.
 */
final class SystemPayGateway {

    static final DateTimeFormatter TRANS_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** Why a notification is not believed (nothing is changed for any of them). */
    enum Check { VALID, BAD_SIGNATURE, WRONG_SITE, TEST_IN_PRODUCTION }

    /** The browser's form to the gateway: where it goes and its fields, signature last. */
    record PaymentForm(String action, Map<String, String> fields) {}

    private final SystemPayConfiguration shop;

    SystemPayGateway(SystemPayConfiguration shop) {
        this.shop = shop;
    }

    SystemPayConfiguration shop() {
        return shop;
    }

    /** Whether the shop can sign (a site id and the key of its mode are configured). */
    boolean isConfigured() {
        String key = shop.keyFor(shop.ctxMode().name());
        return shop.siteId() != null && !shop.siteId().isBlank() && key != null && !key.isBlank();
    }

    static String transDate(Instant at) {
        return TRANS_DATE.format(at);
    }

    PaymentForm formFor(Payment payment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_amount", Long.toString(payment.getAmountCents()));
        fields.put("vads_ctx_mode", shop.ctxMode().name());
        fields.put("vads_currency", payment.getCurrency());
        fields.put("vads_cust_email", payment.getEmail() == null ? "" : payment.getEmail());
        fields.put("vads_order_id", payment.getOrderId());
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_return_mode", "GET");
        fields.put("vads_site_id", shop.siteId());
        fields.put("vads_trans_date", payment.getTransDate());
        fields.put("vads_trans_id", payment.getTransId());
        fields.put("vads_url_check", shop.notificationUrl());
        fields.put("vads_url_return", shop.returnUrl());
        fields.put("vads_version", "V2");
        fields.put(SystemPaySignature.FIELD, SystemPaySignature.sign(fields, shop.keyFor(shop.ctxMode().name()), shop.algorithm()));
        return new PaymentForm(shop.gatewayUrl(), fields);
    }

    /**
     * Believes a notification only when its signature, recomputed over all its {@code vads_*}
     * fields with the key of its mode, matches; it is for our site; and a TEST one never reaches
     * a shop in PRODUCTION.
     */
    Check check(Map<String, String> fields) {
        String mode = fields.get("vads_ctx_mode");
        if (shop.ctxMode() == SystemPayConfiguration.CtxMode.PRODUCTION && !"PRODUCTION".equals(mode)) {
            return Check.TEST_IN_PRODUCTION;
        }
        if (!SystemPaySignature.verify(fields, shop.keyFor(mode), shop.algorithm())) {
            return Check.BAD_SIGNATURE;
        }
        if (!java.util.Objects.equals(shop.siteId(), fields.get("vads_site_id"))) {
            return Check.WRONG_SITE;
        }
        return Check.VALID;
    }
}
