package fr.portailfamille.family;

import fr.portailfamille.system.Euros;
import fr.portailfamille.family.FamilyForms.ChildChangeForm;
import fr.portailfamille.family.FamilyForms.QuotientChangeForm;
import fr.portailfamille.family.FamilyRecords.ChangeRequest;
import fr.portailfamille.family.FamilyRecords.ChangeSubject;
import fr.portailfamille.family.FamilyRecords.DocumentState;
import fr.portailfamille.family.FamilyRecords.RequestState;
import fr.portailfamille.system.BusinessKeys;
import fr.portailfamille.system.Markdown;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.mail.MailService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * « Demander une modification »: identity data of a child and the quotient familial are changed by
 * the Guichet Unique only, after review in process {@code familyFileChange}.
 */
@Service
@Transactional
class ChangeRequests {

    /** Who decides a change request, as the history and the quotient's source name it. */
    private static final String DECIDED_BY = "Guichet Unique";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final FamilyFileRepository files;
    private final FamilyDetailsStore store;
    private final MailService mail;
    private final PortalProperties properties;
    private final Clock clock;
    private final SupportingDocuments documents;

    ChangeRequests(JdbcClient jdbc, RuntimeService runtime, FamilyFileRepository files, FamilyDetailsStore store,
            MailService mail, PortalProperties properties, Clock clock, SupportingDocuments documents) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.files = files;
        this.store = store;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Beyond the form's constraints: a birth date that can be a child's, and something to correct. */
    void validate(ChildChangeForm form, Errors errors) {
        String typedDate = FamilyInput.clean(form.getNewBirthDate());
        LocalDate birthDate = FamilyInput.date(typedDate);
        if (typedDate != null && birthDate == null) {
            errors.rejectValue("newBirthDate", "date", "Saisissez une date de naissance valide, par exemple 14/03/2016.");
        } else if (birthDate != null && birthDate.isAfter(LocalDate.now(clock))) {
            errors.rejectValue("newBirthDate", "future", "La date de naissance ne peut pas être dans le futur.");
        } else if (birthDate != null && birthDate.isBefore(LocalDate.now(clock).minusYears(25))) {
            errors.rejectValue("newBirthDate", "past", "La date de naissance est trop ancienne pour un enfant.");
        }
        if (FamilyInput.clean(form.getNewLastName()) == null && FamilyInput.clean(form.getNewFirstName()) == null
                && typedDate == null && !errors.hasErrors()) {
            errors.rejectValue("newLastName", "required", "Indiquez au moins la donnée à corriger : nom, prénom ou date de naissance.");
        }
    }

    /** Beyond the form's constraints: a start of validity close to today. */
    void validate(QuotientChangeForm form, Errors errors) {
        String typedDate = FamilyInput.clean(form.getValidFrom());
        LocalDate from = FamilyInput.date(typedDate);
        if (from == null) {
            errors.rejectValue("validFrom", "date", "Saisissez la date de début de validité, par exemple 01/01/2026.");
        } else if (from.isBefore(LocalDate.now(clock).minusYears(2)) || from.isAfter(LocalDate.now(clock).plusYears(2))) {
            errors.rejectValue("validFrom", "range", "La date de début de validité doit être proche d'aujourd'hui.");
        }
    }

    long requestChildChange(long familyFileId, long childId, ChildChangeForm form, String requestedBy) {
        long id = jdbc.sql("""
                insert into change_request (family_file_id, subject, child_id, new_last_name, new_first_name, new_birth_date,
                    comment, requested_by) values (?, 'CHILD_IDENTITY', ?, ?, ?, ?, ?, ?) returning id""")
                .params(familyFileId, childId, FamilyInput.clean(form.getNewLastName()), FamilyInput.clean(form.getNewFirstName()),
                        FamilyInput.date(form.getNewBirthDate()), FamilyInput.clean(form.getComment()), requestedBy)
                .query(Long.class).single();
        startReview(id);
        return id;
    }

    long requestQuotientChange(long familyFileId, QuotientChangeForm form, String requestedBy) {
        long id = jdbc.sql("""
                insert into change_request (family_file_id, subject, new_quotient, new_quotient_from, comment, requested_by)
                values (?, 'QUOTIENT', ?, ?, ?, ?) returning id""")
                .params(familyFileId, Integer.parseInt(FamilyInput.clean(form.getNewQuotient())), FamilyInput.date(form.getValidFrom()),
                        FamilyInput.clean(form.getComment()), requestedBy)
                .query(Long.class).single();
        startReview(id);
        return id;
    }

    private void startReview(long requestId) {
        ChangeRequest request = find(requestId).orElseThrow();
        FamilyFile file = files.findById(request.familyFileId()).orElseThrow();
        String who = request.childId() == null ? "" : file.child(request.childId())
                .map(c -> " – enfant actuellement " + c.getFirstName() + " " + c.getLastName() + " né(e) le "
                        + fr.portailfamille.system.PortalTime.DATE.format(c.getBirthDate())).orElse("");
        String summary = "Famille " + file.getName() + " (dossier n° " + file.getNumber() + ")" + who + " – demandé : "
                + request.description() + (request.comment() == null ? "" : " – commentaire : " + request.comment());
        String processInstanceId = runtime.startProcessInstanceByKey(FamilyFileChangeProcess.KEY,
                BusinessKeys.of("MOD", requestId, file.getName()), Map.of(
                "familyName", file.getName() + " (dossier n° " + file.getNumber() + ")",
                "requestLabel", request.description(),
                FamilyFileChangeProcess.CHANGE_REQUEST_ID.name(), requestId,
                FamilyFileChangeProcess.FAMILY_FILE_ID.name(), request.familyFileId(),
                FamilyFileChangeProcess.FAMILY_FILE_URL.name(), properties.link("/agent/dossiers/" + request.familyFileId()),
                FamilyFileChangeProcess.REQUEST_SUMMARY.name(), summary,
                FamilyFileChangeProcess.CURRENT_VALUE.name(), currentValue(request, file),
                FamilyFileChangeProcess.REQUESTED_VALUE.name(), request.description(),
                FamilyFileChangeProcess.SUPPORTING_DOCUMENTS.name(), supportingDocuments(request))).getId();
        jdbc.sql("update change_request set process_instance_id = ? where id = ?").params(processInstanceId, requestId).update();
    }

    /** What the file holds now, beside what is asked. */
    private String currentValue(ChangeRequest request, FamilyFile file) {
        if (request.subject() == ChangeSubject.QUOTIENT) {
            LocalDate day = request.newQuotientFrom() == null ? LocalDate.now(clock) : request.newQuotientFrom();
            return store.quotientOn(file.getId(), day)
                    .map(q -> "Quotient familial : " + q.value() + " € – valable du " + PortalTime.DATE.format(q.validFrom())
                            + (q.validTo() == null ? ", sans date de fin" : " au " + PortalTime.DATE.format(q.validTo()))
                            + " – source : " + q.source())
                    .orElse("Aucun quotient familial valable au " + PortalTime.DATE.format(day) + " (tranche maximale appliquée).");
        }
        return file.child(request.childId())
                .map(c -> "Identité de l'enfant : nom " + c.getLastName() + " prénom " + c.getFirstName() + " né(e) le "
                        + PortalTime.DATE.format(c.getBirthDate()))
                .orElse("Enfant introuvable dans le dossier.");
    }

    /**
     * The family's documents that support the request, newest first, each with its state and a link:
     * the CAF certificates for a quotient, every document not refused for a child's identity.
     */
    private String supportingDocuments(ChangeRequest request) {
        List<String> links = documents.list(request.familyFileId()).stream()
                .filter(d -> request.subject() == ChangeSubject.QUOTIENT ? d.type() == DocumentType.QUOTIENT_FAMILIAL
                        : d.state() != DocumentState.REFUSE)
                .limit(5)
                .map(d -> "- [" + Markdown.escape(d.type().label() + " – " + d.fileName() + " (" + d.state().label() + ", déposé le "
                        + d.uploadedOn() + ")") + "](" + properties.link("/agent/dossiers/" + d.familyFileId() + "/documents/" + d.id()) + ")")
                .toList();
        return links.isEmpty() ? "Aucun justificatif dans le dossier : demandez-le à la famille avant d'accepter."
                : "**Justificatifs du dossier**\n\n" + String.join("\n", links);
    }

    @Transactional(readOnly = true)
    Optional<ChangeRequest> find(long requestId) {
        return jdbc.sql("select * from change_request where id = ?").param(requestId).query(ChangeRequests::row).optional();
    }

    @Transactional(readOnly = true)
    List<ChangeRequest> list(long familyFileId) {
        return jdbc.sql("select * from change_request where family_file_id = ? order by created_at desc, id desc")
                .param(familyFileId).query(ChangeRequests::row).list();
    }

    /** Applies an accepted request to the family file. */
    void apply(long requestId) {
        ChangeRequest request = find(requestId).orElseThrow();
        if (request.state() != RequestState.EN_COURS) {
            throw new IllegalStateException("demande " + requestId + " déjà traitée");
        }
        FamilyFile file = files.findById(request.familyFileId()).orElseThrow();
        if (request.subject() == ChangeSubject.QUOTIENT) {
            String before = store.quotientOn(file.getId(), request.newQuotientFrom()).map(q -> Euros.whole(q.value())).orElse(null);
            store.addQuotient(file.getId(), new QuotientFamilial(request.newQuotient(), request.newQuotientFrom(), null,
                    DECIDED_BY));
            // « Historique des modifications » of « Mes coordonnées »
            store.recordContactChange(file.getId(), DECIDED_BY, "Quotient familial", before, request.newQuotientText());
        } else {
            file.child(request.childId()).orElseThrow()
                    .correctIdentity(request.newLastName(), request.newFirstName(), request.newBirthDate());
            files.flush();
        }
        jdbc.sql("update change_request set state = 'ACCEPTEE', decided_at = now() where id = ?").param(requestId).update();
    }

    void refuse(long requestId, String reason) {
        jdbc.sql("update change_request set state = 'REFUSEE', refusal_reason = ?, decided_at = now() where id = ? and state = 'EN_COURS'")
                .params(reason, requestId).update();
    }

    /** Tells the family the decision (sent now: called by an asynchronous step of the process). */
    @Transactional(readOnly = true)
    void mailDecision(long requestId) {
        ChangeRequest request = find(requestId).orElseThrow();
        FamilyFile file = files.findById(request.familyFileId()).orElseThrow();
        boolean accepted = request.state() == RequestState.ACCEPTEE;
        String subject = accepted ? "Votre demande de modification a été acceptée" : "Votre demande de modification a été refusée";
        for (String to : file.getGuardians().stream().map(Guardian::getEmail).filter(e -> e != null).distinct().toList()) {
            mail.send(to, subject, "family-change-decision", Map.of(
                    "accepted", accepted,
                    "description", request.description(),
                    "reason", request.refusalReason() == null ? "" : request.refusalReason(),
                    "link", properties.link(request.childId() == null ? "/dossier/coordonnees" : "/dossier/enfants/" + request.childId())));
        }
    }

    @Transactional(readOnly = true)
    int inProgress(long familyFileId) {
        return (int) list(familyFileId).stream().filter(r -> r.state() == RequestState.EN_COURS).count();
    }

    private static ChangeRequest row(ResultSet rs, int i) throws SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new ChangeRequest(rs.getLong("id"), rs.getLong("family_file_id"), ChangeSubject.valueOf(rs.getString("subject")),
                rs.getObject("child_id", Long.class), rs.getString("new_last_name"), rs.getString("new_first_name"),
                rs.getObject("new_birth_date", LocalDate.class), rs.getObject("new_quotient", Integer.class),
                rs.getObject("new_quotient_from", LocalDate.class), rs.getString("comment"),
                RequestState.valueOf(rs.getString("state")), rs.getString("refusal_reason"), rs.getString("requested_by"),
                rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant());
    }
}
