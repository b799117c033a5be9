package fr.portailfamille.registration;

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
    public static final String VAR_REGISTRATION_ID = "registrationId";
    public static final String VAR_FAMILY_FILE_ID = "familyFileId";
    public static final String VAR_CHILD_ID = "childId";
    public static final String VAR_ACTIVITY_ID = "activityId";
    public static final String VAR_SERVICE_GROUP = "serviceGroup";
    // read-only texts of the validation form, prepared by Task_PrepareReview
    public static final String VAR_FAMILY = "familyText";
    public static final String VAR_CHILD = "childText";
    public static final String VAR_CHILD_AGE = "childAge";
    public static final String VAR_ACTIVITY = "activityText";
    public static final String VAR_DAYS = "requestedDays";
    public static final String VAR_QUOTIENT = "quotientFamilial";
    public static final String VAR_DOCUMENTS = "documentsStatus";
    public static final String VAR_HEALTH = "healthAlerts";
    // the decision
    public static final String VAR_APPROVED = "approved";
    public static final String VAR_REASON = "reason";

    /** What a family-side page shows for data the family module does not hold yet. */
    public static final String NOT_PROVIDED = "non renseigné";

    private PreRegistrationProcess() {}
}
