package fr.portailfamille.account;

import fr.portailfamille.staff.ProcessVariable;

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
    static final ProcessVariable<Long> ACCOUNT_ID = ProcessVariable.id("accountId");
    /** whether the account was linked to a family file at sign-up */
    static final ProcessVariable<Boolean> LINKED = ProcessVariable.flag("linked");
    /** ISO-8601 duration of the activation link (PT24H) */
    static final ProcessVariable<String> TIMEOUT = ProcessVariable.text("activationTimeout");
    /** shown read-only in the Guichet Unique's form (set only once the account is activated) */
    static final ProcessVariable<String> SIGNED_UP_NAME = ProcessVariable.text("signedUpName");
    static final ProcessVariable<String> SIGNED_UP_EMAIL = ProcessVariable.text("signedUpEmail");
    static final ProcessVariable<String> SIGNED_UP_PHONE = ProcessVariable.text("signedUpPhone");
    static final ProcessVariable<String> SIGNED_UP_USERNAME = ProcessVariable.text("signedUpUsername");
    /** the agent's choice: {@link #DECISION_LINK} or {@link #DECISION_DESK} */
    static final ProcessVariable<String> DECISION = ProcessVariable.text("decision");
    static final ProcessVariable<String> FILE_NUMBER = ProcessVariable.text("familyFileNumber");

    static final String DECISION_LINK = "link";
    static final String DECISION_DESK = "desk";

    private AccountActivationProcess() {}
}
