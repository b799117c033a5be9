package fr.portailfamille.attendance;

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
    public static final int REMINDER_WORKING_DAYS = 5;
    public static final int ESCALATED_PRIORITY = 80;

    // references set at start
    public static final String VAR_ABSENCE_ID = "absenceId";
    public static final String VAR_SERVICE_GROUP = "serviceGroup";
    // read-only texts of the review form
    public static final String VAR_FAMILY = "familyText";
    public static final String VAR_CHILD = "childText";
    public static final String VAR_ACTIVITY = "activityText";
    public static final String VAR_DATES = "datesText";
    public static final String VAR_REASON_TEXT = "reasonText";
    public static final String VAR_CERTIFICATE = "certificateText";
    public static final String VAR_CERTIFICATE_URL = "certificateUrl";
    // the decision
    public static final String VAR_ACCEPTED = "accepted";
    public static final String VAR_REFUSAL_REASON = "refusalReason";

    private AbsenceJustificationProcess() {}
}
