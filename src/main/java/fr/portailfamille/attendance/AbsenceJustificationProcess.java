package fr.portailfamille.attendance;

import fr.portailfamille.staff.ProcessVariable;

/** The BPMN process {@code absenceJustification}: its key, element ids and variable names, written once. */
public final class AbsenceJustificationProcess {

    public static final String KEY = "absenceJustification";

    public static final String START_DECLARED = "StartEvent_AbsenceDeclared";
    public static final String TASK_REVIEW = "Task_ReviewAbsence";
    public static final String TIMER_REMINDER = "Timer_ReviewReminder";
    public static final String TASK_ESCALATE = "Task_EscalateAbsenceReview";
    public static final String END_ESCALATED = "EndEvent_Escalated";
    public static final String TASK_RECORD_DECISION = "Task_RecordAbsenceDecision";
    public static final String GATEWAY_ACCEPTED = "Gateway_Accepted";
    public static final String TASK_MAIL_ACCEPTED = "Task_MailAccepted";
    public static final String TASK_MAIL_REFUSED = "Task_MailRefused";
    public static final String END_ACCEPTED = "EndEvent_Accepted";
    public static final String END_REFUSED = "EndEvent_Refused";

    /** Working days without a decision before the task's priority rises and the Guichet Unique is told. */
    public static final int REVIEW_REMINDER_WORKING_DAYS = 5;
    public static final int ESCALATED_PRIORITY = 80;

    // references set at start
    public static final ProcessVariable<Long> ABSENCE_ID = ProcessVariable.id("absenceId");
    public static final ProcessVariable<String> SERVICE_GROUP = ProcessVariable.text("serviceGroup");
    // read-only texts of the review form
    public static final ProcessVariable<String> FAMILY = ProcessVariable.text("familyText");
    public static final ProcessVariable<String> CHILD = ProcessVariable.text("childText");
    public static final ProcessVariable<String> ACTIVITY = ProcessVariable.text("activityText");
    public static final ProcessVariable<String> DATES = ProcessVariable.text("datesText");
    public static final ProcessVariable<String> REASON_TEXT = ProcessVariable.text("reasonText");
    public static final ProcessVariable<String> CERTIFICATE = ProcessVariable.text("certificateText");
    public static final ProcessVariable<String> CERTIFICATE_URL = ProcessVariable.text("certificateUrl");
    // the decision
    public static final ProcessVariable<Boolean> ACCEPTED = ProcessVariable.flag("accepted");
    public static final ProcessVariable<String> REFUSAL_REASON = ProcessVariable.text("refusalReason");

    private AbsenceJustificationProcess() {}
}
