package fr.portailfamille.payment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    @Query(value = "select nextval('payment_id_seq')", nativeQuery = true)
    long nextId();

    @Query(value = "select lpad(nextval('payment_trans_id_seq')::text, 6, '0')", nativeQuery = true)
    String nextTransId();

    /** The payment of a gateway transaction (day of {@code vads_trans_date} + {@code vads_trans_id}), locked until commit. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.transId = ?2 and substring(p.transDate, 1, 8) = ?1")
    Optional<Payment> lockByTransaction(String transDay, String transId);

    /** The PayFiP payment of an operation, locked until commit. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.idOp = ?1")
    Optional<Payment> lockByIdOp(String idOp);

    @Query("select p from Payment p where p.idOp = ?1")
    Optional<Payment> findByIdOp(String idOp);

    /** Records the Treasury's operation once: false when another request already did (the page reloaded). */
    @Modifying(clearAutomatically = true)
    @Query(value = "update payment set id_op = ?2, updated_at = now() where id = ?1 and id_op is null", nativeQuery = true)
    int attachOperation(long paymentId, String idOp);

    /** PayFiP payments not settled yet that the Treasury may still report paid: asked again by the reconciliation. */
    @Query("select p.id from Payment p where p.gateway = fr.portailfamille.payment.PaymentGateway.PAYFIP and p.idOp is not null"
            + " and p.status in (fr.portailfamille.payment.PaymentStatus.PENDING, fr.portailfamille.payment.PaymentStatus.EXPIRED)"
            + " and p.createdAt > ?1 order by p.id")
    List<Long> payFipToRequery(Instant since);

    /** Invoices held by the family's pending payments. */
    @Query("select i.invoiceId from PaymentInvoice i where i.pending = true and i.payment.familyFileId = ?1")
    List<Long> heldInvoiceIds(long familyFileId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = ?1")
    Optional<Payment> lockById(long id);

    @Query("select p from Payment p where p.status = ?1 and p.createdAt < ?2 order by p.createdAt")
    List<Payment> findByStatusAndCreatedAtBeforeOrderByCreatedAt(PaymentStatus status, Instant before);

    @Query("select p from Payment p where p.id = ?1 and p.familyFileId = ?2")
    Optional<Payment> findByIdAndFamilyFileId(long id, long familyFileId);

    @Query("select p from Payment p where p.orderId = ?1 and p.familyFileId = ?2")
    Optional<Payment> findByOrderIdAndFamilyFileId(String orderId, long familyFileId);
}
