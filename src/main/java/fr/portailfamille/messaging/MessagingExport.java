package fr.portailfamille.messaging;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The messages' part of the data export (attachments listed, not included). */
@Component
class MessagingExport extends FamilyDataSection {

    MessagingExport(JdbcClient jdbc) {
        super(jdbc, "messagerie", 90,
                new Query("conversations", "select * from conversation where family_file_id = ? order by id"),
                new Query("messages", "select * from message where family_file_id = ? order by id"),
                new Query("piecesJointes", """
                select a.id, a.message_id, a.file_name, a.media_type, a.size_bytes
                from message_attachment a join message m on m.id = a.message_id where m.family_file_id = ? order by a.id"""));
    }
}
