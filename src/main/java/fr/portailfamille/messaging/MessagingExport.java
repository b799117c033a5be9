package fr.portailfamille.messaging;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The messages' part of the data export (attachments listed, not included). */
@Component
class MessagingExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    MessagingExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "messagerie";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversations", FamilyDataSection.rows(jdbc, "select * from conversation where family_file_id = ? order by id", familyFileId));
        data.put("messages", FamilyDataSection.rows(jdbc, "select * from message where family_file_id = ? order by id", familyFileId));
        data.put("piecesJointes", FamilyDataSection.rows(jdbc, """
                select a.id, a.message_id, a.file_name, a.media_type, a.size_bytes
                from message_attachment a join message m on m.id = a.message_id where m.family_file_id = ? order by a.id""", familyFileId));
        return data;
    }
}
