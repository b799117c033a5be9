package fr.portailfamille.payment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Persistable;

/**
 * An online payment of one or several invoices of a family, from the summary to the gateway's
 * verdict, through SystemPay or PayFiP ({@link PaymentGateway}).
 */
@Entity
@Table(name = "payment")
class Payment implements Persistable<Long> {

    static final String EURO = "978";

    @Id
    private Long id;

    private long familyFileId;

    @Enumerated(EnumType.STRING)
    private PaymentGateway gateway;

    /** PayFiP's operation id ({@code idOp}), once the Treasury's web service has created the operation. */
    private String idOp;
    private long amountCents;
    private String currency;

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;

    private String orderId;
    private String transId;
    private String transDate;
    private String transUuid;
    private String email;
    private String statusReason;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant paidAt;

    @OneToMany(mappedBy = "payment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PaymentInvoice> invoices = new ArrayList<>();

    /** The id is ours (it makes the order reference), so the entity says itself when it is new. */
    @Transient
    private boolean fresh;

    protected Payment() {}

    Payment(long id, long familyFileId, PaymentGateway gateway, String transId, String transDate, String email, Instant now) {
        this.id = id;
        this.gateway = gateway;
        this.fresh = true;
        this.familyFileId = familyFileId;
        this.currency = EURO;
        this.status = PaymentStatus.PENDING;
        this.orderId = orderIdOf(id);
        this.transId = transId;
        this.transDate = transDate;
        this.email = email;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Our reference sent as {@code vads_order_id}. */
    static String orderIdOf(long paymentId) {
        return "PF" + String.format("%08d", paymentId);
    }

    void add(long invoiceId, String invoiceNumber, long invoiceAmountCents) {
        invoices.add(new PaymentInvoice(this, invoiceId, invoiceNumber, invoiceAmountCents));
        amountCents += invoiceAmountCents;
    }

    /** A gateway verdict: PAID settles, any other outcome releases the invoices. */
    void conclude(PaymentStatus outcome, String transUuid, String reason, Instant now) {
        this.status = outcome;
        this.transUuid = transUuid;
        this.statusReason = reason;
        this.updatedAt = now;
        if (outcome == PaymentStatus.PAID) {
            this.paidAt = now;
        }
        invoices.forEach(PaymentInvoice::release);
    }

    /** Whether a notification may still change this payment (a late one is honoured after expiry). */
    boolean isOpen() {
        return status == PaymentStatus.PENDING || status == PaymentStatus.EXPIRED;
    }

    List<Long> invoiceIds() {
        return invoices.stream().map(PaymentInvoice::getInvoiceId).toList();
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    long getFamilyFileId() {
        return familyFileId;
    }

    long getAmountCents() {
        return amountCents;
    }

    String getCurrency() {
        return currency;
    }

    PaymentStatus getStatus() {
        return status;
    }

    String getOrderId() {
        return orderId;
    }

    String getTransId() {
        return transId;
    }

    String getTransDate() {
        return transDate;
    }

    String getEmail() {
        return email;
    }

    String getStatusReason() {
        return statusReason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getPaidAt() {
        return paidAt;
    }

    List<PaymentInvoice> getInvoices() {
        return invoices;
    }

    PaymentGateway getGateway() {
        return gateway;
    }

    String getIdOp() {
        return idOp;
    }

    String getTransUuid() {
        return transUuid;
    }
}
