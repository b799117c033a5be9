package fr.portailfamille.family;

import fr.portailfamille.system.export.FamilyDataSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The family file's part of the data export: file, guardians, children and their care, documents (metadata only), requests. */
@Component
class FamilyFileExport extends FamilyDataSection {

    FamilyFileExport(JdbcClient jdbc) {
        super(jdbc, "dossier", 20,
                new Query("dossier", "select * from family_file where id = ?"),
                new Query("responsables", "select * from guardian where family_file_id = ? order by position, id"),
                new Query("enfants", "select * from child where family_file_id = ? order by id"),
                new Query("fichesSanitaires", "select h.* from health_sheet h join child c on c.id = h.child_id where c.family_file_id = ? order by h.child_id"),
                new Query("personnesAutorisees", "select p.* from pickup_person p join child c on c.id = p.child_id where c.family_file_id = ? order by p.id"),
                new Query("consentements", "select k.* from consent k join child c on c.id = k.child_id where c.family_file_id = ? order by k.child_id"),
                new Query("quotientsFamiliaux", "select * from quotient_familial where family_file_id = ? order by valid_from"),
                // the documents are listed, their contents stay in the portal (downloadable one by one)
                new Query("justificatifs", """
                select id, document_type, file_name, media_type, size_bytes, uploaded_at, valid_until, state, refusal_reason
                from supporting_document where family_file_id = ? order by id"""),
                new Query("modificationsCoordonnees", "select * from contact_change where family_file_id = ? order by id"),
                new Query("demandesModification", "select * from change_request where family_file_id = ? order by id"));
    }
}
