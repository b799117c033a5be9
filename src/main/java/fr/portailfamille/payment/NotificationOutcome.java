package fr.portailfamille.payment;

/**
 * What a believed notification did, the answer the gateway gets, and whom the processes must tell.
 * The LATE_ ones came after the payment had expired or was concluded (a paid attempt after a
 * refusal, a second debit): a {@code latePayment} settles or hands the money to finances.
 */
enum NotificationOutcome {
    SETTLED("OK-paiement enregistre", Tell.WAITING_PROCESS),
    NOT_PAID("OK-paiement non abouti enregistre", Tell.WAITING_PROCESS),
    REFUND("OK-paiement enregistre, a rembourser", Tell.WAITING_PROCESS),
    AMOUNT_MISMATCH("KO-montant ou devise differents du paiement", Tell.WAITING_PROCESS),
    LATE_SETTLED("OK-paiement tardif enregistre", Tell.LATE_PROCESS),
    LATE_REFUND("OK-paiement tardif enregistre, a rembourser", Tell.LATE_PROCESS),
    LATE_AMOUNT_MISMATCH("KO-montant ou devise differents du paiement", Tell.LATE_PROCESS),
    LATE_NOT_PAID("OK-paiement tardif non abouti enregistre", Tell.NOBODY),
    DUPLICATE("OK-deja traite", Tell.NOBODY),
    UNKNOWN_PAYMENT("KO-paiement inconnu", Tell.NOBODY),
    UNKNOWN_PAID("OK-paiement inconnu, a verifier par la regie", Tell.CHECK_PROCESS);

    /**
     * The process that hears of it: the one waiting for the notification, a new {@code latePayment},
     * a new {@code paymentCheck} (money for an order we do not know), or none.
     */
    enum Tell { WAITING_PROCESS, LATE_PROCESS, CHECK_PROCESS, NOBODY }

    private final String answer;
    private final Tell tell;

    NotificationOutcome(String answer, Tell tell) {
        this.answer = answer;
        this.tell = tell;
    }

    String answer() {
        return answer;
    }

    Tell tell() {
        return tell;
    }

    /**
     * The status the process must act on: the one this notification gave the payment, not the
     * payment's status when the process is told (a later notification may have changed it since).
     */
    PaymentStatus statusFor(PaymentStatus verdict) {
        return switch (this) {
            case SETTLED, LATE_SETTLED -> PaymentStatus.PAID;
            case REFUND, LATE_REFUND, AMOUNT_MISMATCH, LATE_AMOUNT_MISMATCH -> PaymentStatus.REVIEW;
            default -> verdict == PaymentStatus.EXPIRED || verdict == PaymentStatus.PAID ? PaymentStatus.ABANDONED : verdict;
        };
    }
}
