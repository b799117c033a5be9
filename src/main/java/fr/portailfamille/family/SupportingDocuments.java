package fr.portailfamille.family;

import fr.portailfamille.family.FamilyRecords.DocumentContent;
import fr.portailfamille.family.FamilyRecords.DocumentState;
import fr.portailfamille.family.FamilyRecords.SupportingDocument;
import fr.portailfamille.system.BusinessKeys;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.mail.MailService;
import fr.portailfamille.system.web.UploadedPdf;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporting documents ("justificatifs"): uploaded by the family (PDF, JPEG or PNG, detected from the
 * content, at most 5 MB, kept in PostgreSQL), checked by the Guichet Unique in process {@code documentReview}.
 */
@Service
@Transactional
class SupportingDocuments {

    static final int MAX_SIZE = 5 * 1024 * 1024;
    static final String TOO_LARGE = "Le fichier dépasse 5 Mo : réduisez-le (scan en noir et blanc, résolution plus faible) ou envoyez une photo.";
    static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final MailService mail;
    private final PortalProperties properties;
    private final FamilyFileRepository files;
    private final Tika tika = new Tika();

    SupportingDocuments(JdbcClient jdbc, RuntimeService runtime, MailService mail, PortalProperties properties,
            FamilyFileRepository files) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.mail = mail;
        this.properties = properties;
        this.files = files;
    }

    /** Why this content cannot be accepted, in French; empty when it can. */
    Optional<String> problemWith(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of("Choisissez un fichier à envoyer.");
        }
        if (content.length > MAX_SIZE) {
            return Optional.of(TOO_LARGE);
        }
        String mediaType = detect(content);
        if (!ACCEPTED_MEDIA_TYPES.contains(mediaType)) {
            return Optional.of("Seuls les fichiers PDF, JPEG ou PNG sont acceptés : ce fichier n'en est pas un.");
        }
        if ("application/pdf".equals(mediaType) && UploadedPdf.hasActiveContent(content)) {
            return Optional.of("Ce fichier " + UploadedPdf.ACTIVE_CONTENT);
        }
        return Optional.empty();
    }

    String detect(byte[] content) {
        return tika.detect(content);
    }

    /** Stores the document and starts its check by the Guichet Unique; returns its id. */
    long upload(long familyFileId, DocumentType type, LocalDate validUntil, byte[] content, String originalName) {
        problemWith(content).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String fileName = FamilyInput.sanitizedFileName(originalName);
        long id = jdbc.sql("""
                insert into supporting_document (family_file_id, document_type, valid_until, uploaded_at, state, content,
                    size_bytes, media_type, file_name)
                values (?, ?, ?, now(), 'A_VERIFIER', ?, ?, ?, ?) returning id""")
                .params(familyFileId, type.name(), validUntil, content, content.length, detect(content), fileName)
                .query(Long.class).single();
        FamilyFile file = files.findById(familyFileId).orElseThrow();
        String processInstanceId = runtime.startProcessInstanceByKey(DocumentReviewProcess.KEY,
                BusinessKeys.of("DOC", id, file.getName()), Map.of(
                "familyName", file.getName() + " (dossier n° " + file.getNumber() + ")",
                "requestLabel", type.label(),
                DocumentReviewProcess.DOCUMENT_ID.name(), id,
                DocumentReviewProcess.FAMILY_FILE_ID.name(), familyFileId,
                DocumentReviewProcess.FAMILY_FILE_URL.name(), properties.link("/agent/dossiers/" + familyFileId),
                DocumentReviewProcess.DOCUMENT_URL.name(), properties.link("/agent/dossiers/" + familyFileId + "/documents/" + id),
                DocumentReviewProcess.DOCUMENT_SUMMARY.name(), type.label() + " – famille " + file.getName() + " (dossier n° "
                        + file.getNumber() + ") – " + fileName)).getId();
        jdbc.sql("update supporting_document set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
        return id;
    }

    @Transactional(readOnly = true)
    List<SupportingDocument> list(long familyFileId) {
        return jdbc.sql("""
                select id, family_file_id, document_type, valid_until, uploaded_at, state, refusal_reason, size_bytes,
                    media_type, file_name from supporting_document where family_file_id = ? order by uploaded_at desc, id desc""")
                .param(familyFileId).query((rs, i) -> new SupportingDocument(rs.getLong("id"), rs.getLong("family_file_id"),
                        DocumentType.valueOf(rs.getString("document_type")), rs.getObject("valid_until", LocalDate.class),
                        rs.getTimestamp("uploaded_at").toInstant(), DocumentState.valueOf(rs.getString("state")),
                        rs.getString("refusal_reason"), rs.getInt("size_bytes"), rs.getString("media_type"),
                        rs.getString("file_name")))
                .list();
    }

    @Transactional(readOnly = true)
    Optional<SupportingDocument> find(long documentId) {
        return jdbc.sql("select family_file_id from supporting_document where id = ?").param(documentId)
                .query(Long.class).optional()
                .flatMap(fileId -> list(fileId).stream().filter(d -> d.id() == documentId).findFirst());
    }

    /** The document's bytes, only if it belongs to that family file. */
    @Transactional(readOnly = true)
    Optional<DocumentContent> content(long familyFileId, long documentId) {
        return jdbc.sql("select file_name, media_type, content from supporting_document where id = ? and family_file_id = ?")
                .params(documentId, familyFileId)
                .query((rs, i) -> new DocumentContent(rs.getString("file_name"), rs.getString("media_type"), rs.getBytes("content")))
                .optional();
    }

    /** The agent's decision; a refusal keeps its reason for the family. */
    void decide(long documentId, ReviewDecision decision) {
        jdbc.sql("update supporting_document set state = ?, refusal_reason = ? where id = ?")
                .params(decision.approved() ? DocumentState.ACCEPTE.name() : DocumentState.REFUSE.name(),
                        decision.approved() ? null : decision.reason(), documentId)
                .update();
    }

    /** Tells the family the decision (sent now: called by an asynchronous step of the process). */
    @Transactional(readOnly = true)
    void mailDecision(long documentId) {
        SupportingDocument document = find(documentId).orElseThrow();
        FamilyFile file = files.findById(document.familyFileId()).orElseThrow();
        boolean accepted = document.state() == DocumentState.ACCEPTE;
        String subject = accepted ? "Votre justificatif a été accepté" : "Votre justificatif a été refusé";
        for (String to : file.getGuardians().stream().map(Guardian::getEmail).filter(e -> e != null).distinct().toList()) {
            mail.send(to, subject, "family-document-decision", Map.of(
                    "accepted", accepted,
                    "documentType", document.type().label(),
                    "fileName", document.fileName(),
                    "uploadedOn", PortalTime.DATE.format(document.uploadedAt().atZone(PortalTime.ZONE)),
                    "reason", document.refusalReason() == null ? "" : document.refusalReason(),
                    "link", properties.link("/dossier/documents")));
        }
    }

    /** Which kinds are present (not refused) and which are accepted and still valid on that day. */
    @Transactional(readOnly = true)
    SupportingDocumentTypes types(long familyFileId, LocalDate day) {
        Set<DocumentType> present = EnumSet.noneOf(DocumentType.class);
        Set<DocumentType> accepted = EnumSet.noneOf(DocumentType.class);
        for (SupportingDocument document : list(familyFileId)) {
            if (document.state() != DocumentState.REFUSE) {
                present.add(document.type());
            }
            if (document.state() == DocumentState.ACCEPTE && (document.validUntil() == null || !document.validUntil().isBefore(day))) {
                accepted.add(document.type());
            }
        }
        return new SupportingDocumentTypes(Set.copyOf(present), Set.copyOf(accepted));
    }

    /** The kinds accepted and still valid on that day, or else being checked; a kind absent here is missing. */
    @Transactional(readOnly = true)
    Map<DocumentType, RequiredDocument.State> states(long familyFileId, LocalDate day) {
        Map<DocumentType, RequiredDocument.State> states = new EnumMap<>(DocumentType.class);
        for (SupportingDocument document : list(familyFileId)) {
            if (document.state() == DocumentState.ACCEPTE && (document.validUntil() == null || !document.validUntil().isBefore(day))) {
                states.put(document.type(), RequiredDocument.State.ACCEPTED);
            } else if (document.state() == DocumentState.A_VERIFIER) {
                states.putIfAbsent(document.type(), RequiredDocument.State.BEING_CHECKED);
            }
        }
        return states;
    }

    @Transactional(readOnly = true)
    int beingChecked(long familyFileId) {
        return (int) list(familyFileId).stream().filter(d -> d.state() == DocumentState.A_VERIFIER).count();
    }
}
