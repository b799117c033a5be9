package fr.portailfamille.billing;

import fr.portailfamille.staff.ProcessVariable;

/** The {@code deskPayment} process (« Enregistrer un paiement au guichet »): key, element ids, variables. */
final class DeskPaymentProcess {

    static final String KEY = "deskPayment";

    static final String START = "StartEvent_PaymentReceived";
    static final String TASK_RECORD = "Task_RecordDeskPayment";
    static final String TASK_MAIL_RECEIPT = "Task_MailReceipt";
    static final String END_RECORDED = "EndEvent_PaymentRecorded";

    static final ProcessVariable<String> FILE_NUMBER = ProcessVariable.text("fileNumber");
    /** ESPECES, CHEQUE or CESU. */
    static final ProcessVariable<String> MODE = ProcessVariable.text("paymentMode");
    /** The amount received, as typed: « 45,50 » or « 45.50 ». */
    static final ProcessVariable<String> AMOUNT = ProcessVariable.text("amount");
    /** The invoice numbers it settles, separated by commas, spaces or semicolons. */
    static final ProcessVariable<String> INVOICE_NUMBERS = ProcessVariable.text("invoiceNumbers");
    static final ProcessVariable<String> STARTED_BY = ProcessVariable.text("startedBy");
    static final ProcessVariable<Long> DESK_PAYMENT_ID = ProcessVariable.id("deskPaymentId");
    static final ProcessVariable<String> CREDIT = ProcessVariable.text("credit");

    private DeskPaymentProcess() {}
}
