package fr.portailfamille.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A notification (IPN) of the gateway exactly as received, and what became of it. */
@Entity
@Table(name = "payment_notification")
class PaymentNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant receivedAt;
    private Long paymentId;
    private String orderId;
    private String transId;
    private String transDate;
    private String transStatus;
    private String transUuid;
    private String urlCheckSrc;
    private String rawFields;
    private String outcome;
    private Instant appliedAt;
    private Instant correlatedAt;
    private Instant reviewedAt;
    private String reviewedBy;
    private String reviewComment;

    protected PaymentNotification() {}

    PaymentNotification(Map<String, String> fields, Instant now) {
        this.receivedAt = now;
        this.orderId = truncate(fields.get("vads_order_id"), 64);
        this.transId = truncate(fields.get("vads_trans_id"), 16);
        this.transDate = truncate(fields.get("vads_trans_date"), 16);
        this.transStatus = truncate(fields.get("vads_trans_status"), 40);
        this.transUuid = truncate(fields.get("vads_trans_uuid"), 40);
        this.urlCheckSrc = truncate(fields.get("vads_url_check_src"), 20);
        this.rawFields = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The fields as they were received, in their order. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (rawFields.isEmpty()) {
            return fields;
        }
        for (String pair : rawFields.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    void applied(Long paymentId, String outcome, Instant now) {
        this.paymentId = paymentId;
        this.outcome = outcome;
        this.appliedAt = now;
    }

    void correlated(Instant now) {
        this.correlatedAt = now;
    }

    /** What finances did in « Vérifier un paiement ». */
    void reviewed(String by, String comment, Instant now) {
        this.reviewedBy = by;
        this.reviewComment = comment;
        this.reviewedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getPaymentId() {
        return paymentId;
    }

    String getOrderId() {
        return orderId;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    String getTransId() {
        return transId;
    }

    String getTransDate() {
        return transDate;
    }

    String getTransUuid() {
        return transUuid;
    }

    String getTransStatus() {
        return transStatus;
    }

    String getOutcome() {
        return outcome;
    }

    Instant getCorrelatedAt() {
        return correlatedAt;
    }

    Instant getAppliedAt() {
        return appliedAt;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
