package fr.portailfamille.account;

/** The BPMN process {@code accountActivation}: its key, message, element ids and variables. */
final class AccountActivationProcess {

    static final String KEY = "accountActivation";
    static final String MESSAGE_ACTIVATED = "AccountActivated";

    static final String START = "StartEvent_SignedUp";
    static final String TASK_SEND_ACTIVATION_LINK = "Task_SendActivationLink";
    static final String GATEWAY_ACTIVATION = "Gateway_ActivatedOrExpired";
    static final String EVENT_ACTIVATED = "Event_AccountActivated";
    static final String TIMER_EXPIRED = "Timer_ActivationExpired";
    static final String TASK_PURGE = "Task_PurgePendingAccount";
    static final String END_EXPIRED = "EndEvent_Expired";
    static final String GATEWAY_LINKED = "Gateway_Linked";
    static final String TASK_SEND_WELCOME = "Task_SendWelcomeMail";
    static final String END_WELCOMED = "EndEvent_Welcomed";
    static final String TASK_LINK = "Task_LinkAccountToFamilyFile";
    static final String GATEWAY_DECISION = "Gateway_DeskDecision";
    static final String TASK_SEND_LINKED = "Task_SendLinkedMail";
    static final String END_LINKED = "EndEvent_LinkedByDesk";
    static final String TASK_SEND_COME_TO_DESK = "Task_SendComeToDeskMail";
    static final String END_COME_TO_DESK = "EndEvent_ToldToComeToDesk";

    static final String FORM_LINK = "linkAccountToFamilyFile";

    /** the portal account's id (also the business key) */
    static final String VAR_ACCOUNT_ID = "accountId";
    /** whether the account was linked to a family file at sign-up */
    static final String VAR_LINKED = "linked";
    /** ISO-8601 duration of the activation link (PT24H) */
    static final String VAR_TIMEOUT = "activationTimeout";
    /** shown read-only in the Guichet Unique's form (set only once the account is activated) */
    static final String VAR_NAME = "signedUpName";
    static final String VAR_EMAIL = "signedUpEmail";
    static final String VAR_PHONE = "signedUpPhone";
    static final String VAR_USERNAME = "signedUpUsername";
    /** the agent's choice: {@link #DECISION_LINK} or {@link #DECISION_DESK} */
    static final String VAR_DECISION = "decision";
    static final String VAR_FILE_NUMBER = "familyFileNumber";

    static final String DECISION_LINK = "link";
    static final String DECISION_DESK = "desk";

    private AccountActivationProcess() {}
}
