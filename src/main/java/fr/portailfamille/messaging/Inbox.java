package fr.portailfamille.messaging;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.messaging.MessageStore.Direction;
import fr.portailfamille.messaging.MessageStore.Message;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.BusinessKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The messaging use cases: a family sends or replies, a service answers or writes first, a thread is read. */
@Service
class Inbox {

    static final String SERVICES_LABEL = "Services de la ville";

    private final MessageStore store;
    private final MessageQuota quota;
    private final FamilyFiles families;
    private final RuntimeService runtime;
    private final IdentityService identity;

    Inbox(MessageStore store, FamilyFiles families, RuntimeService runtime, IdentityService identity, MessageQuota quota) {
        this.quota = quota;
        this.store = store;
        this.families = families;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** « Envoyer un message »: a new thread, its first message and files, and its routing process. */
    @Transactional
    long send(long familyFileId, MessageForm form, List<MessageStore.NewFile> files) {
        long conversation = store.createConversation(familyFileId, form.getService(), form.getTheme(), form.getSubject());
        return addFamilyMessage(conversation, familyFileId, form.getService(), form.getTheme(), form.getSubject(),
                form.getBody(), form.isConfirmationByMail(), files);
    }

    /** A family's follow-up in one of its threads: routed again like a new message, in the same thread. */
    @Transactional
    Optional<Long> reply(long familyFileId, long conversationId, MessageForm form, List<MessageStore.NewFile> files) {
        return store.conversation(conversationId).filter(c -> c.familyFileId() == familyFileId)
                .map(c -> addFamilyMessage(c.id(), familyFileId, c.service(), c.theme(), replySubject(c.subject()),
                        form.getBody(), form.isConfirmationByMail(), files));
    }

    /** A family's message over its allowance (see {@link MessageQuota}); the reason is French. */
    static class OverQuota extends RuntimeException {
        OverQuota(String reason) {
            super(reason);
        }
    }

    private long addFamilyMessage(long conversation, long familyFileId, String service, String theme, String subject,
            String body, boolean confirmation, List<MessageStore.NewFile> files) {
        quota.take(familyFileId, files.stream().mapToLong(f -> f.content().length).sum()).ifPresent(reason -> {
            throw new OverQuota(reason);
        });
        long id = store.addMessage(conversation, familyFileId, Direction.FAMILY_TO_SERVICE, service, theme, subject, body,
                confirmation, null);
        files.forEach(file -> store.addAttachment(id, file));
        Map<String, Object> variables = new HashMap<>();
        variables.put(MessageRoutingProcess.MESSAGE_ID.name(), id);
        variables.put(MessageRoutingProcess.SERVICE.name(), service);
        variables.put(MessageRoutingProcess.THEME.name(), theme == null ? "" : theme);
        variables.put(MessageRoutingProcess.CONFIRMATION.name(), confirmation);
        FamilySummary family = families.find(familyFileId).orElseThrow();
        variables.put("familyName", family.name() + " (dossier n° " + family.number() + ")");
        variables.put("requestLabel", subject);
        runtime.startProcessInstanceByKey(MessageRoutingProcess.KEY, BusinessKeys.of("MSG", id, family.name()), variables);
        return id;
    }

    /** The service's answer, unread in the family's inbox, in the thread of the family's message. */
    @Transactional
    long deliverAnswer(long familyMessageId, String answer, String staffUserId) {
        Message question = message(familyMessageId);
        return store.addMessage(question.conversationId(), question.familyFileId(), Direction.SERVICE_TO_FAMILY,
                question.service(), question.theme(), replySubject(question.subject()), answer, false, staffUserId);
    }

    /** Staff write first: a new thread for the family file of that number. */
    @Transactional
    long writeFirst(String familyFileNumber, String subject, String text, String staffUserId) {
        FamilySummary family = families.findByNumber(familyFileNumber.trim())
                .orElseThrow(() -> new IllegalArgumentException("Aucun dossier famille n° « " + familyFileNumber + " »."));
        String service = serviceOf(staffUserId);
        long conversation = store.createConversation(family.id(), service, null, subject.trim());
        return store.addMessage(conversation, family.id(), Direction.SERVICE_TO_FAMILY, service, null, subject.trim(), text,
                false, staffUserId);
    }

    void routedTo(long messageId, String group) {
        store.setHandlingGroup(messageId, group);
    }

    /** A message of this family; empty when it is another family's (or does not exist). */
    Optional<Message> messageOf(long familyFileId, long messageId) {
        return store.message(messageId).filter(m -> m.familyFileId() == familyFileId);
    }

    /** Marks the services' messages of the thread read; how many were unread. */
    @Transactional
    int markThreadRead(long conversationId) {
        return store.markThreadRead(conversationId);
    }

    Message message(long id) {
        return store.message(id).orElseThrow(() -> new IllegalStateException("message inconnu " + id));
    }

    FamilySummary familyOf(Message message) {
        return families.find(message.familyFileId()).orElseThrow();
    }

    /** The label of the staff user's service (its first town group), for a message it writes first. */
    private String serviceOf(String staffUserId) {
        if (staffUserId == null) {
            return SERVICES_LABEL;
        }
        return identity.createGroupQuery().groupMember(staffUserId).list().stream()
                .map(g -> StaffGroup.byId(g.getId())).flatMap(Optional::stream).findFirst()
                .map(StaffGroup::label).orElse(SERVICES_LABEL);
    }

    static String replySubject(String subject) {
        String reply = subject.startsWith("Re : ") ? subject : "Re : " + subject;
        return reply.length() > MessageForm.MAX_SUBJECT ? reply.substring(0, MessageForm.MAX_SUBJECT) : reply;
    }
}
