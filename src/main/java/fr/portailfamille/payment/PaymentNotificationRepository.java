package fr.portailfamille.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentNotificationRepository extends JpaRepository<PaymentNotification, Long> {

    @Query("select n.id from PaymentNotification n where n.appliedAt is null order by n.id")
    List<Long> unapplied();

    @Query("select n.id from PaymentNotification n where n.appliedAt is not null and n.correlatedAt is null"
            + " and (n.paymentId is not null or n.outcome = 'UNKNOWN_PAID') order by n.id")
    List<Long> uncorrelated();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from PaymentNotification n where n.id = ?1")
    Optional<PaymentNotification> lockById(long id);

    @Query("select n from PaymentNotification n where n.paymentId = :paymentId order by n.id")
    List<PaymentNotification> findByPaymentIdOrderById(Long paymentId);

    /** The notifications of one gateway transaction (same day and id) that had this outcome. */
    @Query("select n from PaymentNotification n where n.transDate = :transDate and n.transId = :transId and n.outcome = :outcome")
    List<PaymentNotification> findByTransDateAndTransIdAndOutcome(String transDate, String transId, String outcome);
}
