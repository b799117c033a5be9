package fr.portailfamille.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRefundRepository extends JpaRepository<PaymentRefund, Long> {

    /** The payment's refunds, oldest first (one per transaction that settled nothing). */
    @Query("select r from PaymentRefund r where r.paymentId = :paymentId order by r.id")
    List<PaymentRefund> findByPaymentIdOrderById(long paymentId);

    @Query("select r from PaymentRefund r where r.notificationId = :notificationId")
    Optional<PaymentRefund> findByNotificationId(long notificationId);

    @Query("select case when count(r) > 0 then true else false end from PaymentRefund r"
            + " where r.paymentId = :paymentId and r.transUuid = :transUuid")
    boolean existsByPaymentIdAndTransUuid(long paymentId, String transUuid);
}
