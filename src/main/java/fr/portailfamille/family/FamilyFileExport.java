package fr.portailfamille.family;

import fr.portailfamille.system.export.FamilyDataSection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The family file's part of the data export: file, guardians, children and their care, documents (metadata only), requests. */
@Component
class FamilyFileExport implements FamilyDataSection {

    private final JdbcClient jdbc;

    FamilyFileExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "dossier";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional(readOnly = true)
    public Object of(long familyFileId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dossier", FamilyDataSection.rows(jdbc, "select * from family_file where id = ?", familyFileId));
        data.put("responsables", FamilyDataSection.rows(jdbc, "select * from guardian where family_file_id = ? order by position, id", familyFileId));
        data.put("enfants", FamilyDataSection.rows(jdbc, "select * from child where family_file_id = ? order by id", familyFileId));
        data.put("fichesSanitaires", FamilyDataSection.rows(jdbc,
                "select h.* from health_sheet h join child c on c.id = h.child_id where c.family_file_id = ? order by h.child_id", familyFileId));
        data.put("personnesAutorisees", FamilyDataSection.rows(jdbc,
                "select p.* from pickup_person p join child c on c.id = p.child_id where c.family_file_id = ? order by p.id", familyFileId));
        data.put("consentements", FamilyDataSection.rows(jdbc,
                "select k.* from consent k join child c on c.id = k.child_id where c.family_file_id = ? order by k.child_id", familyFileId));
        data.put("quotientsFamiliaux", FamilyDataSection.rows(jdbc, "select * from quotient_familial where family_file_id = ? order by valid_from", familyFileId));
        // the documents are listed, their contents stay in the portal (downloadable one by one)
        data.put("justificatifs", FamilyDataSection.rows(jdbc, """
                select id, document_type, file_name, media_type, size_bytes, uploaded_at, valid_until, state, refusal_reason
                from supporting_document where family_file_id = ? order by id""", familyFileId));
        data.put("modificationsCoordonnees", FamilyDataSection.rows(jdbc, "select * from contact_change where family_file_id = ? order by id", familyFileId));
        data.put("demandesModification", FamilyDataSection.rows(jdbc, "select * from change_request where family_file_id = ? order by id", familyFileId));
        return data;
    }
}
