package fr.portailfamille.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/**
 * A notification of a gateway and what became of it: SystemPay's IPN exactly as received, or, for
 * PayFiP, the Treasury's detail of the operation ({@code recupererDetailPaiementSecurise}), never
 * the body posted to our notification URL. The accessors read either the same way.
 */
@Entity
@Table(name = "payment_notification")
class PaymentNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    private PaymentGateway gateway;
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
        this.gateway = PaymentGateway.SYSTEMPAY;
        this.receivedAt = now;
        this.orderId = truncate(fields.get("vads_order_id"), 64);
        this.transId = truncate(fields.get("vads_trans_id"), 16);
        this.transDate = truncate(fields.get("vads_trans_date"), 16);
        this.transStatus = truncate(fields.get("vads_trans_status"), 40);
        this.transUuid = truncate(fields.get("vads_trans_uuid"), 80);
        this.urlCheckSrc = truncate(fields.get("vads_url_check_src"), 20);
        this.rawFields = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * PayFiP: the Treasury's detail of an operation, asked because of a notification or by the
     * reconciliation ({@code source}). Its transaction is the operation and its result together,
     * so the same answer told twice is a duplicate, and a different result later is a new fact.
     */
    static PaymentNotification ofPayFip(Map<String, String> details, String source, Instant now) {
        PaymentNotification notification = new PaymentNotification();
        notification.gateway = PaymentGateway.PAYFIP;
        notification.receivedAt = now;
        notification.orderId = truncate(details.get("refdet"), 64);
        notification.transStatus = truncate(details.get("resultrans"), 40);
        notification.transUuid = truncate(details.get("idOp") + ":" + details.get("resultrans"), 80);
        notification.urlCheckSrc = truncate(source, 20);
        notification.rawFields = details.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return notification;
    }

    PaymentGateway getGateway() {
        return gateway;
    }

    /** What the gateway says of the payment. */
    PaymentStatus verdict() {
        return gateway == PaymentGateway.PAYFIP ? PayFipResult.verdict(transStatus) : PaymentStatus.ofTransStatus(transStatus);
    }

    /** The amount the gateway reports, in cents as text. */
    String amount() {
        return fields().get(gateway == PaymentGateway.PAYFIP ? "montant" : "vads_amount");
    }

    /** The currency (ISO 4217 numeric): PayFiP only knows euros. */
    String currency() {
        return gateway == PaymentGateway.PAYFIP ? Payment.EURO : fields().get("vads_currency");
    }

    /** The money actually taken, in cents, as far as the gateway says it. */
    long receivedCents(long otherwise) {
        Map<String, String> fields = fields();
        String value = gateway == PaymentGateway.PAYFIP ? fields.get("montant")
                : fields.getOrDefault("vads_effective_amount", fields.get("vads_amount"));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The gateway's result, as recorded in the payment's reason. */
    String resultText() {
        return gateway == PaymentGateway.PAYFIP ? "résultat PayFiP " + transStatus
                : "résultat " + fields().get("vads_result") + " " + transStatus;
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
