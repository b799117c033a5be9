package fr.portailfamille.messaging;

import fr.portailfamille.staff.ProcessVariable;

/** The process {@code messageRouting} (business key « MSG-000045 DURAND »: the message's number and the family): its key, element ids and variables. */
final class MessageRoutingProcess {

    static final String KEY = "messageRouting";
    static final String DECISION = "messageRouting";

    static final String START = "StartEvent_MessageSent";
    static final String GATEWAY_CONFIRMATION = "Gateway_ConfirmationWanted";
    static final String TASK_ACKNOWLEDGE = "Task_SendAcknowledgment";
    static final String TASK_ROUTE = "Task_RouteMessage";
    static final String TASK_ANSWER = "Task_AnswerMessage";
    static final String GATEWAY_FORWARDED = "Gateway_Forwarded";
    static final String TASK_REROUTE = "Task_RerouteMessage";
    static final String TASK_DELIVER_ANSWER = "Task_DeliverAnswer";
    static final String TASK_NOTIFY_ANSWER = "Task_NotifyAnswer";
    static final String END_ANSWERED = "EndEvent_Answered";
    static final String TIMER_LATE = "Timer_AnswerLate";
    static final String TASK_ESCALATE = "Task_EscalateMessage";
    static final String END_ESCALATED = "EndEvent_Escalated";

    static final ProcessVariable<Long> MESSAGE_ID = ProcessVariable.id("messageId");
    static final ProcessVariable<String> SERVICE = ProcessVariable.text("service");
    static final ProcessVariable<String> THEME = ProcessVariable.text("theme");
    static final ProcessVariable<Boolean> CONFIRMATION = ProcessVariable.flag("confirmationByMail");
    static final ProcessVariable<String> GROUP = ProcessVariable.text("group");
    static final ProcessVariable<Integer> DELAY = ProcessVariable.integer("answerDelayDays");
    static final ProcessVariable<String> ANSWER = ProcessVariable.text("answer");
    static final ProcessVariable<String> FORWARD_TO = ProcessVariable.text("forwardTo");
    static final ProcessVariable<String> ANSWERED_BY = ProcessVariable.text("answeredBy");
    static final ProcessVariable<Long> ANSWER_ID = ProcessVariable.id("answerMessageId");
    /** Why the last service forwarded the message, and which service it was (shown to the next one). */
    static final ProcessVariable<String> FORWARD_REASON = ProcessVariable.text("forwardReason");
    static final ProcessVariable<String> FORWARDED_FROM = ProcessVariable.text("forwardedFrom");
    static final ProcessVariable<String> FORWARDED_REASON = ProcessVariable.text("forwardedReason");

    /** Task-local variables shown by the form {@code answerMessage}. */
    static final String FORM_FAMILY = "family";
    static final String FORM_SUBJECT = "subject";
    static final String FORM_TEXT = "messageText";
    static final String FORM_ATTACHMENTS = "attachmentLinks";
    static final String FORM_CONVERSATION = "conversation";
    static final String FORM_FORWARD_NOTE = "forwardNote";

    /** Priority of a late task (Camunda's default is 50). */
    static final int LATE_PRIORITY = 90;

    private MessageRoutingProcess() {}
}
