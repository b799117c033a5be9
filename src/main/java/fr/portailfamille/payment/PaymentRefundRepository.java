package fr.portailfamille.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRefundRepository extends JpaRepository<PaymentRefund, Long> {

    /** The payment's refunds, oldest first (one per transaction that settled nothing). */
    List<PaymentRefund> findByPaymentIdOrderById(long paymentId);

    Optional<PaymentRefund> findByNotificationId(long notificationId);

    boolean existsByPaymentIdAndTransUuid(long paymentId, String transUuid);
}
