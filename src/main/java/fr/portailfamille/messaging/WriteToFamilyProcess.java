package fr.portailfamille.messaging;

import fr.portailfamille.staff.ProcessVariable;

/** The process {@code writeToFamily}: staff write first, from Tasklist's start form. */
final class WriteToFamilyProcess {

    static final String KEY = "writeToFamily";

    static final String START = "StartEvent_StaffWrites";
    static final String TASK_DELIVER = "Task_DeliverStaffMessage";
    static final String TASK_NOTIFY = "Task_NotifyFamily";
    static final String END = "EndEvent_Delivered";

    static final ProcessVariable<String> FILE_NUMBER = ProcessVariable.text("familyFileNumber");
    static final ProcessVariable<String> SUBJECT = ProcessVariable.text("subject");
    static final ProcessVariable<String> TEXT = ProcessVariable.text("text");
    static final ProcessVariable<String> INITIATOR = ProcessVariable.text("initiator");
    static final ProcessVariable<Long> MESSAGE_ID = ProcessVariable.id("messageId");

    private WriteToFamilyProcess() {}
}
