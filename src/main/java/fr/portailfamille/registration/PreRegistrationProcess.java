package fr.portailfamille.registration;

import fr.portailfamille.staff.ProcessVariable;

/** The BPMN process {@code preRegistration}: its key, element ids, message and variable names. */
public final class PreRegistrationProcess {

    public static final String KEY = "preRegistration";

    public static final String TASK_PREPARE_REVIEW = "Task_PrepareReview";
    public static final String TASK_VALIDATE = "Task_ValidateRegistration";
    public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String TASK_MAIL_VALIDATED = "Task_MailValidated";
    public static final String TASK_MAIL_REFUSED = "Task_MailRefused";
    public static final String TIMER_FIRST_REMINDER = "Timer_FirstReminder";
    public static final String TASK_ESCALATE = "Task_EscalateValidation";
    public static final String TIMER_SECOND_REMINDER = "Timer_SecondReminder";
    public static final String TASK_FOLLOW_UP = "Task_FollowUpValidation";
    public static final String END_VALIDATED = "EndEvent_Validated";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_ESCALATED = "EndEvent_Escalated";
    public static final String END_FOLLOWED_UP = "EndEvent_FollowedUp";
    public static final String START_WITHDRAWN = "StartEvent_Withdrawn";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

    public static final String MESSAGE_WITHDRAWN = "RegistrationWithdrawn";

    /** Working days without a decision before the first, then the second escalation. */
    public static final int FIRST_REMINDER_WORKING_DAYS = 5;
    public static final int SECOND_REMINDER_WORKING_DAYS = 10;
    /** The priority of a validation task once escalated (Camunda's default is 50). */
    public static final int ESCALATED_PRIORITY = 80;

    // variables: references set at start
    public static final ProcessVariable<Long> REGISTRATION_ID = ProcessVariable.id("registrationId");
    public static final ProcessVariable<Long> FAMILY_FILE_ID = ProcessVariable.id("familyFileId");
    public static final ProcessVariable<Long> CHILD_ID = ProcessVariable.id("childId");
    public static final ProcessVariable<Long> ACTIVITY_ID = ProcessVariable.id("activityId");
    public static final ProcessVariable<String> SERVICE_GROUP = ProcessVariable.text("serviceGroup");
    // read-only texts of the validation form, prepared by Task_PrepareReview
    public static final ProcessVariable<String> FAMILY = ProcessVariable.text("familyText");
    public static final ProcessVariable<String> CHILD = ProcessVariable.text("childText");
    public static final ProcessVariable<String> CHILD_AGE = ProcessVariable.text("childAge");
    public static final ProcessVariable<String> ACTIVITY = ProcessVariable.text("activityText");
    public static final ProcessVariable<String> DAYS = ProcessVariable.text("requestedDays");
    public static final ProcessVariable<String> QUOTIENT = ProcessVariable.text("quotientFamilial");
    public static final ProcessVariable<String> DOCUMENTS = ProcessVariable.text("documentsStatus");
    public static final ProcessVariable<String> HEALTH = ProcessVariable.text("healthAlerts");
    public static final ProcessVariable<String> DOCUMENT_LINKS = ProcessVariable.text("documentLinks");
    public static final ProcessVariable<String> OTHER_REGISTRATIONS = ProcessVariable.text("otherRegistrations");
    public static final ProcessVariable<String> PLACES = ProcessVariable.text("placesLeft");
    // shown on the task cards of Tasklist (the filters' variables), set at start
    public static final ProcessVariable<String> CHILD_NAME = ProcessVariable.text("childName");
    public static final ProcessVariable<String> ACTIVITY_NAME = ProcessVariable.text("activityName");
    public static final ProcessVariable<String> FAMILY_NAME = ProcessVariable.text("familyName");
    // the decision
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.flag("approved");
    public static final ProcessVariable<String> REASON = ProcessVariable.text("reason");

    private PreRegistrationProcess() {}
}
