package fr.portailfamille.payment;

/** What a believed notification did, the answer the gateway gets, and whom the processes must tell. */
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
    UNKNOWN_PAYMENT("KO-paiement inconnu", Tell.NOBODY);

    /** The process that hears of it: the one waiting for the notification, a new {@code latePayment}, or none. */
    enum Tell { WAITING_PROCESS, LATE_PROCESS, NOBODY }

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
}
