package fr.portailfamille.payment;

import fr.portailfamille.support.WebSession;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data of the payment tests: each test gets its own family (with an account) and its own
 * published invoices, so no test depends on another's payments, nor touches the demo's invoices.
 */
class PaymentFixtures {

    static final String PASSWORD = "Paiement-Test-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final SystemPayConfiguration shop;

    PaymentFixtures(JdbcTemplate jdbc, SystemPayConfiguration shop) {
        this.jdbc = jdbc;
        this.shop = shop;
    }

    /** A family file of its own, a guardian's e-mail and an active portal account linked to it. */
    record Family(long id, String username, String email) {}

    Family family() {
        String unique = Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
        String number = "P" + unique.substring(Math.max(0, unique.length() - 12));
        Long id = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                number, "PAYEUR" + unique.toUpperCase());
        String email = "payeur-" + unique + "@example.org";
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, ?, ?)",
                id, "PAYEUR", "Camille", email);
        String username = "payeur" + unique;
        Long account = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name)
                values (?, ?, ?, 'ACTIVE', 'PAYEUR', 'Camille') returning id
                """, Long.class, username, email, "{noop}" + PASSWORD);
        jdbc.update("update family_file set account_id = ? where id = ?", account, id);
        return new Family(id, username, email);
    }

    /** A published invoice of the family, waiting for payment (its own month, its own number). */
    long invoice(Family family, String euros) {
        int n = SEQUENCE.incrementAndGet();
        String month = String.format("%04d-%02d", 2000 + n / 12, n % 12 + 1);
        return jdbc.queryForObject("""
                insert into invoice (family_file_id, family_number, family_name, month, number, state, total, issued_on, due_on, pdf)
                select id, number, name, ?, ?, 'PENDING', ?, current_date, current_date + 30, ? from family_file where id = ?
                returning id
                """, Long.class, month, "TP-" + System.nanoTime() % 100_000_000 + "-" + n, new BigDecimal(euros),
                new byte[] {'%', 'P', 'D', 'F'}, family.id());
    }

    String invoiceState(long invoiceId) {
        return jdbc.queryForObject("select state from invoice where id = ?", String.class, invoiceId);
    }

    int settlementsOf(long invoiceId) {
        return jdbc.queryForObject("select count(*) from invoice_payment where invoice_id = ?", Integer.class, invoiceId);
    }

    String paymentStatus(long paymentId) {
        return jdbc.queryForObject("select status from payment where id = ?", String.class, paymentId);
    }

    Map<String, Object> payment(long paymentId) {
        return jdbc.queryForMap("select * from payment where id = ?", paymentId);
    }

    int notificationsOf(long paymentId) {
        return jdbc.queryForObject("select count(*) from payment_notification where payment_id = ?", Integer.class, paymentId);
    }

    /**
     * The notification the gateway would send for this payment (every field of the form echoed,
     * the result added), signed with the shop's key unless {@code overrides} change it afterwards.
     */
    Map<String, String> notification(long paymentId, String transStatus, String result, Map<String, String> overrides,
            boolean signAfterOverrides) {
        Map<String, Object> payment = payment(paymentId);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_amount", payment.get("amount_cents").toString());
        fields.put("vads_auth_result", "00".equals(result) ? "00" : "05");
        fields.put("vads_ctx_mode", "TEST");
        fields.put("vads_currency", "978");
        fields.put("vads_order_id", payment.get("order_id").toString());
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_result", result);
        fields.put("vads_site_id", shop.siteId());
        fields.put("vads_trans_date", payment.get("trans_date").toString());
        fields.put("vads_trans_id", payment.get("trans_id").toString());
        fields.put("vads_trans_status", transStatus);
        fields.put("vads_trans_uuid", "uuid" + paymentId);
        fields.put("vads_url_check_src", "PAY");
        fields.put("vads_version", "V2");
        if (signAfterOverrides) {
            fields.putAll(overrides);
        }
        fields.put("signature", SystemPaySignature.sign(fields, shop.testKey(), shop.algorithm()));
        if (!signAfterOverrides) {
            fields.putAll(overrides);
        }
        return fields;
    }

    Map<String, String> paid(long paymentId) {
        return notification(paymentId, "AUTHORISED", "00", Map.of(), true);
    }

    /** POSTs a notification like the gateway: no session, no CSRF token. */
    static WebSession.Page post(WebSession gateway, Map<String, String> fields) {
        return gateway.postForm("/paiement/systempay/ipn", fields);
    }
}
