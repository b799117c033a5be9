package fr.portailfamille.messaging;

/** The process {@code writeToFamily}: staff write first, from Tasklist's start form. */
final class WriteToFamilyProcess {

    static final String KEY = "writeToFamily";

    static final String START = "StartEvent_StaffWrites";
    static final String TASK_DELIVER = "Task_DeliverStaffMessage";
    static final String TASK_NOTIFY = "Task_NotifyFamily";
    static final String END = "EndEvent_Delivered";

    static final String VAR_FILE_NUMBER = "familyFileNumber";
    static final String VAR_SUBJECT = "subject";
    static final String VAR_TEXT = "text";
    static final String VAR_INITIATOR = "initiator";
    static final String VAR_MESSAGE_ID = "messageId";

    private WriteToFamilyProcess() {}
}
