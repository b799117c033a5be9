package fr.portailfamille.attendance;

import static fr.portailfamille.attendance.AbsenceJustificationProcess.*;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.family.FamilyUploads;
import fr.portailfamille.planning.BillableBooking;
import fr.portailfamille.planning.BookingState;
import fr.portailfamille.planning.Bookings;
import fr.portailfamille.system.BusinessKeys;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.mail.MailService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absences declared by families: which booked days may be declared (from the cut-off on, and up to
 * {@code portal.attendance.absence-declaration-days} days after the day), the declaration with its
 * optional certificate (the family module's upload checks) which starts {@code absenceJustification},
 * the service's decision and the mail telling the family.
 */
@Service
class Absences {

    /** A declared absence as pages, sheets and billing read it. */
    record Absence(long id, long familyFileId, long childId, long activityId, LocalDate day, AbsenceReason reason, String comment,
            String certificateName, AbsenceState state, String refusalReason, Instant declaredAt) {

        public String dayLabel() {
            return PortalTime.DAY.format(day);
        }

        public boolean hasCertificate() {
            return certificateName != null;
        }
    }

    /** A booked day the family may still declare an absence for. */
    record DeclarableDay(ChildSummary child, ActivitySummary activity, LocalDate day) {
        public String dayLabel() {
            return PortalTime.DAY.format(day);
        }
    }

    /** A refused declaration, with the French reason the family reads. */
    static class DeclarationRefused extends RuntimeException {
        DeclarationRefused(String message) {
            super(message);
        }
    }

    /** The certificate as stored. */
    record Certificate(String fileName, String mediaType, byte[] content) {}

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final Activities activities;
    private final FamilyFiles families;
    private final FamilyUploads uploads;
    private final RuntimeService runtime;
    private final MailService mail;
    private final PortalProperties portal;
    private final Clock clock;
    private final int daysAfter;

    Absences(JdbcClient jdbc, Bookings bookings, Activities activities, FamilyFiles families, FamilyUploads uploads,
            RuntimeService runtime, MailService mail, PortalProperties portal, Clock clock,
            @Value("${portal.attendance.absence-declaration-days:7}") int daysAfter) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.activities = activities;
        this.families = families;
        this.uploads = uploads;
        this.runtime = runtime;
        this.mail = mail;
        this.portal = portal;
        this.clock = clock;
        this.daysAfter = daysAfter;
    }

    int daysAfter() {
        return daysAfter;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PortalTime.ZONE));
    }

    /** The family's booked days from {@code daysAfter} days ago to two months ahead, without a live declaration. */
    List<DeclarableDay> declarableDays(FamilySummary family) {
        LocalDate from = today().minusDays(daysAfter);
        LocalDate to = today().plusMonths(2);
        Map<String, Absence> declared = new HashMap<>();
        ofFamily(family.id()).stream().filter(a -> a.state() != AbsenceState.REFUSEE)
                .forEach(a -> declared.put(a.childId() + "/" + a.activityId() + "/" + a.day(), a));
        Map<Long, ActivitySummary> activityById = new HashMap<>();
        List<DeclarableDay> days = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            for (BillableBooking booking : bookings.billableOfMonth(family.id(), month)) {
                if (booking.state() != BookingState.BOOKED || booking.day().isBefore(from) || booking.day().isAfter(to)
                        || declared.containsKey(booking.childId() + "/" + booking.activityId() + "/" + booking.day())) {
                    continue;
                }
                Optional<ChildSummary> child = family.children().stream().filter(c -> c.id() == booking.childId()).findFirst();
                ActivitySummary activity = activityById.computeIfAbsent(booking.activityId(), id -> activities.find(id).orElse(null));
                if (child.isPresent() && activity != null) {
                    days.add(new DeclarableDay(child.get(), activity, booking.day()));
                }
            }
        }
        days.sort(java.util.Comparator.comparing(DeclarableDay::day).thenComparing(d -> d.child().firstName()));
        return days;
    }

    /** The declared day, if the family may declare it now. */
    Optional<DeclarableDay> declarable(FamilySummary family, long childId, long activityId, LocalDate day) {
        return declarableDays(family).stream()
                .filter(d -> d.child().id() == childId && d.activity().id() == activityId && d.day().equals(day)).findFirst();
    }

    /**
     * Declares the absence and starts its justification by the service. The certificate, when
     * given, passes the family module's upload checks. A second declaration of the same day (a
     * double click) is refused without error.
     */
    @Transactional
    long declare(FamilySummary family, long childId, long activityId, LocalDate day, AbsenceReason reason, String comment,
            byte[] certificate, String certificateName, String actor) {
        DeclarableDay declared = declarable(family, childId, activityId, day).orElseThrow(() -> new DeclarationRefused(
                "Ce jour ne peut pas être signalé : il n'est pas réservé, ou il est passé depuis plus de " + daysAfter + " jours, "
                        + "ou une absence est déjà signalée."));
        boolean withCertificate = certificate != null && certificate.length > 0;
        if (withCertificate) {
            uploads.problemWith(certificate).ifPresent(problem -> {
                throw new DeclarationRefused(problem);
            });
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into absence (family_file_id, child_id, activity_id, day, reason, comment, certificate, certificate_name,
                        certificate_media_type, certificate_size, declared_by, declared_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(family.id(), childId, activityId, day, reason.name(), comment, withCertificate ? certificate : null,
                            withCertificate ? uploads.safeFileName(certificateName) : null,
                            withCertificate ? uploads.mediaType(certificate) : null, withCertificate ? certificate.length : null,
                            actor, Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException twice) {
            throw new DeclarationRefused("Une absence est déjà signalée pour ce jour.");
        }
        ActivitySummary activity = declared.activity();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ABSENCE_ID.name(), id);
        variables.put(SERVICE_GROUP.name(), activity.serviceGroup());
        variables.put(FAMILY.name(), family.name() + " (dossier n° " + family.number() + ")");
        variables.put(CHILD.name(), declared.child().fullName() + ", " + declared.child().ageOn(day) + " ans");
        variables.put(ACTIVITY.name(), activity.name());
        variables.put(DATES.name(), PortalTime.DAY.format(day));
        variables.put(REASON_TEXT.name(), reason.label() + (comment == null || comment.isBlank() ? "" : " – " + comment));
        variables.put(CERTIFICATE.name(), withCertificate ? "fourni : " + uploads.safeFileName(certificateName) : "aucun certificat fourni");
        variables.put(CERTIFICATE_URL.name(), withCertificate ? portal.link("/agent/absences/" + id + "/certificat") : "");
        variables.put("childName", declared.child().fullName());
        variables.put("activityName", activity.name() + " – " + PortalTime.DAY.format(day));
        variables.put("familyName", family.name() + " (dossier n° " + family.number() + ")");
        String instance = runtime.startProcessInstanceByKey(KEY,
                BusinessKeys.of("ABS", id, declared.child().lastName(), declared.child().firstName()), variables).getId();
        jdbc.sql("update absence set process_instance_id = ? where id = ?").params(instance, id).update();
        return id;
    }

    List<Absence> ofFamily(long familyFileId) {
        return jdbc.sql(SELECT + " where family_file_id = ? order by day desc, id desc").param(familyFileId).query(Absences::absence).list();
    }

    Optional<Absence> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Absences::absence).optional();
    }

    /** The live declarations of a day of an activity, by child (the day sheet shows them). */
    Map<Long, Absence> ofDay(long activityId, LocalDate day) {
        Map<Long, Absence> found = new HashMap<>();
        jdbc.sql(SELECT + " where activity_id = ? and day = ? and state <> 'REFUSEE'").params(activityId, day)
                .query(Absences::absence).list().forEach(a -> found.put(a.childId(), a));
        return found;
    }

    Optional<Certificate> certificate(long id) {
        return jdbc.sql("select certificate_name, certificate_media_type, certificate from absence where id = ? and certificate is not null")
                .param(id).query((rs, i) -> new Certificate(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The service's decision (from the Tasklist form, checked again by the task listener). */
    @Transactional
    void recordDecision(long id, boolean accepted, String refusalReason, String actor) {
        jdbc.sql("update absence set state = ?, refusal_reason = ?, decided_by = ?, decided_at = ? where id = ? and state = 'EN_ATTENTE'")
                .params(accepted ? AbsenceState.ACCEPTEE.name() : AbsenceState.REFUSEE.name(), accepted ? null : refusalReason,
                        actor == null ? "service" : actor, Timestamp.from(clock.instant()), id)
                .update();
    }

    /** The French mail of the decision to every guardian address of the family. */
    void mailDecision(long id) {
        Absence absence = find(id).orElseThrow();
        FamilySummary family = families.find(absence.familyFileId()).orElseThrow();
        String child = family.children().stream().filter(c -> c.id() == absence.childId()).findFirst()
                .map(ChildSummary::fullName).orElse("votre enfant");
        String activity = activities.find(absence.activityId()).map(ActivitySummary::name).orElse("l'activité");
        boolean accepted = absence.state() == AbsenceState.ACCEPTEE;
        Map<String, Object> model = new HashMap<>();
        model.put("accepted", accepted);
        model.put("child", child);
        model.put("activity", activity);
        model.put("day", absence.dayLabel());
        model.put("reason", absence.refusalReason() == null ? "" : absence.refusalReason());
        model.put("link", portal.link("/planning/absences"));
        String subject = accepted ? "Absence justifiée" : "Absence non justifiée";
        for (String email : family.emails()) {
            mail.send(email, subject + " : " + child + ", " + absence.dayLabel(), "absence-decision", model);
        }
    }

    private static final String SELECT = """
            select id, family_file_id, child_id, activity_id, day, reason, comment, certificate_name, state, refusal_reason, declared_at
            from absence""";

    private static Absence absence(ResultSet rs, int row) throws SQLException {
        return new Absence(rs.getLong("id"), rs.getLong("family_file_id"), rs.getLong("child_id"), rs.getLong("activity_id"),
                rs.getObject("day", LocalDate.class), AbsenceReason.valueOf(rs.getString("reason")), rs.getString("comment"),
                rs.getString("certificate_name"), AbsenceState.valueOf(rs.getString("state")), rs.getString("refusal_reason"),
                rs.getTimestamp("declared_at").toInstant());
    }
}
