package fr.portailfamille.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The messaging tables (V9_1__messaging.sql), in plain SQL. */
@Repository
class MessageStore {

    enum Direction { FAMILY_TO_SERVICE, SERVICE_TO_FAMILY }

    record Message(long id, long conversationId, long familyFileId, Direction direction, String service, String theme,
            String subject, String body, boolean confirmationByMail, String handlingGroup, String staffAuthor,
            boolean read, Instant sentAt) {

        public boolean fromFamily() {
            return direction == Direction.FAMILY_TO_SERVICE;
        }

        /** The sending date as the pages show it (Europe/Paris). */
        public String sentAtText() {
            return fr.portailfamille.system.PortalTime.DATE_TIME.format(sentAt.atZone(fr.portailfamille.system.PortalTime.ZONE));
        }
    }

    record Conversation(long id, long familyFileId, String service, String theme, String subject) {}

    record AttachmentInfo(long id, long messageId, String fileName, String mediaType, int size) {}

    record Attachment(long id, long messageId, long familyFileId, String handlingGroup, String fileName, String mediaType,
            byte[] content) {}

    record NewFile(String fileName, String mediaType, byte[] content) {}

    private static final String MESSAGE_COLUMNS = "id, conversation_id, family_file_id, direction, service, theme, subject, body, "
            + "confirmation_by_mail, handling_group, staff_author, read, sent_at";

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long createConversation(long familyFileId, String service, String theme, String subject) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into conversation (family_file_id, service, theme, subject) values (?, ?, ?, ?)")
                .params(familyFileId, service, theme, subject).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Conversation> conversation(long id) {
        return jdbc.sql("select id, family_file_id, service, theme, subject from conversation where id = ?").param(id)
                .query((rs, n) -> new Conversation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    long addMessage(long conversationId, long familyFileId, Direction direction, String service, String theme, String subject,
            String body, boolean confirmationByMail, String staffAuthor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into message (conversation_id, family_file_id, direction, service, theme, subject, body, "
                        + "confirmation_by_mail, staff_author) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(conversationId, familyFileId, direction.name(), service, theme, subject, body, confirmationByMail, staffAuthor)
                .update(key, "id");
        jdbc.sql("update conversation set last_message_at = now() where id = ?").param(conversationId).update();
        return key.getKey().longValue();
    }

    void addAttachment(long messageId, NewFile file) {
        jdbc.sql("insert into message_attachment (message_id, file_name, media_type, size_bytes, content) values (?, ?, ?, ?, ?)")
                .params(messageId, file.fileName(), file.mediaType(), file.content().length, file.content()).update();
    }

    Optional<Message> message(long id) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from message where id = ?").param(id).query(MessageStore::message).optional();
    }

    /** A family's messages of one direction, newest first. */
    List<Message> messagesOf(long familyFileId, Direction direction) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from message where family_file_id = ? and direction = ? order by sent_at desc, id desc")
                .params(familyFileId, direction.name()).query(MessageStore::message).list();
    }

    List<Message> thread(long conversationId) {
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from message where conversation_id = ? order by sent_at, id")
                .param(conversationId).query(MessageStore::message).list();
    }

    int markThreadRead(long conversationId) {
        return jdbc.sql("update message set read = true, read_at = now() where conversation_id = ? and direction = 'SERVICE_TO_FAMILY' and not read")
                .param(conversationId).update();
    }

    void setHandlingGroup(long messageId, String group) {
        jdbc.sql("update message set handling_group = ? where id = ?").params(group, messageId).update();
    }

    /** The unread answers of a family file: the tab counter, one indexed query per page. */
    int unreadCount(long familyFileId) {
        return jdbc.sql("select count(*) from message where family_file_id = ? and direction = 'SERVICE_TO_FAMILY' and not read")
                .param(familyFileId).query(Integer.class).single();
    }

    List<AttachmentInfo> attachmentsOfThread(long conversationId) {
        return jdbc.sql("select a.id, a.message_id, a.file_name, a.media_type, a.size_bytes from message_attachment a "
                        + "join message m on m.id = a.message_id where m.conversation_id = ? order by a.id")
                .param(conversationId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    List<AttachmentInfo> attachmentsOf(long messageId) {
        return jdbc.sql("select id, message_id, file_name, media_type, size_bytes from message_attachment where message_id = ? order by id")
                .param(messageId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    Optional<Attachment> attachment(long id) {
        return jdbc.sql("select a.id, a.message_id, m.family_file_id, m.handling_group, a.file_name, a.media_type, a.content "
                        + "from message_attachment a join message m on m.id = a.message_id where a.id = ?")
                .param(id)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBytes(7)))
                .optional();
    }

    boolean hasConversation(long familyFileId, String subject) {
        return jdbc.sql("select count(*) from conversation where family_file_id = ? and subject = ?")
                .params(familyFileId, subject).query(Integer.class).single() > 0;
    }

    List<ConversationLine> conversationsOf(long familyFileId) {
        return jdbc.sql("""
                select c.id, c.subject, c.service, c.last_message_at, count(m.id) as messages,
                       count(m.id) filter (where m.direction = 'FAMILY_TO_SERVICE'
                           and m.sent_at > coalesce((select max(a.sent_at) from message a where a.conversation_id = c.id
                               and a.direction = 'SERVICE_TO_FAMILY'), '-infinity')) as unanswered
                from conversation c left join message m on m.conversation_id = c.id
                where c.family_file_id = ? group by c.id order by c.last_message_at desc, c.id desc""").param(familyFileId)
                .query((rs, i) -> new ConversationLine(rs.getLong("id"), rs.getString("subject"), rs.getString("service"),
                        rs.getInt("messages"), rs.getInt("unanswered"), rs.getTimestamp("last_message_at").toInstant()))
                .list();
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("family_file_id"),
                Direction.valueOf(rs.getString("direction")), rs.getString("service"), rs.getString("theme"),
                rs.getString("subject"), rs.getString("body"), rs.getBoolean("confirmation_by_mail"),
                rs.getString("handling_group"), rs.getString("staff_author"), rs.getBoolean("read"),
                rs.getObject("sent_at", OffsetDateTime.class).toInstant());
    }
}
