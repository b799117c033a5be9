package fr.portailfamille.billing;

/** The {@code deskPayment} process (« Enregistrer un paiement au guichet »): key, element ids, variables. */
final class DeskPaymentProcess {

    static final String KEY = "deskPayment";

    static final String START = "StartEvent_PaymentReceived";
    static final String TASK_RECORD = "Task_RecordDeskPayment";
    static final String END_RECORDED = "EndEvent_PaymentRecorded";

    static final String FILE_NUMBER = "fileNumber";
    /** ESPECES, CHEQUE or CESU. */
    static final String MODE = "paymentMode";
    /** The amount received, as typed: « 45,50 » or « 45.50 ». */
    static final String AMOUNT = "amount";
    /** The invoice numbers it settles, separated by commas, spaces or semicolons. */
    static final String INVOICE_NUMBERS = "invoiceNumbers";
    static final String STARTED_BY = "startedBy";
    static final String DESK_PAYMENT_ID = "deskPaymentId";
    static final String CREDIT = "credit";

    private DeskPaymentProcess() {}
}
