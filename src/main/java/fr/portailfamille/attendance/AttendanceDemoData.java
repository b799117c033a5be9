package fr.portailfamille.attendance;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.planning.BookingState;
import fr.portailfamille.planning.Bookings;
import fr.portailfamille.planning.DayBooking;
import fr.portailfamille.system.demo.DemoDataLoader;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The attendance of the month just ended, for the demo: every sheet of « Centre de loisirs » and
 * « Restauration scolaire » with DUPONT's bookings ticked and closed; Chloé ill on the third
 * Wednesday (absence declared with a certificate, accepted by the service), Léa absent without
 * reason on the first Monday at the canteen, Hugo present without a booking on the last Wednesday.
 * The billing demo then prices that month from these sheets: an invoice with days not billed.
 */
@Component
@Profile("demo")
class AttendanceDemoData implements DemoDataLoader {

    static final String ACTOR = "démonstration";

    private final FamilyFiles families;
    private final Activities activities;
    private final Bookings bookings;
    private final SheetStore sheets;
    private final JdbcClient jdbc;
    private final Clock clock;

    AttendanceDemoData(FamilyFiles families, Activities activities, Bookings bookings, SheetStore sheets, JdbcClient jdbc, Clock clock) {
        this.families = families;
        this.activities = activities;
        this.bookings = bookings;
        this.sheets = sheets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        // after the planning's bookings (60), before billing (70) prices the month
        return 65;
    }

    @Override
    public void load() {
        FamilySummary dupont = families.findByNumber("100123").orElse(null);
        ActivitySummary centre = activities.findByCode("CENTRE_LOISIRS").orElse(null);
        ActivitySummary canteen = activities.findByCode("RESTAURATION").orElse(null);
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        if (dupont == null || centre == null || canteen == null || jdbc.sql(
                "select exists (select 1 from attendance_sheet where activity_id = ? and day between ? and ?)")
                .params(centre.id(), month.atDay(1), month.atEndOfMonth()).query(Boolean.class).single()) {
            return;
        }
        Map<String, Long> children = new HashMap<>();
        dupont.children().forEach(c -> children.put(c.firstName(), c.id()));
        LocalDate thirdWednesday = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
        LocalDate lastWednesday = month.atDay(1).with(TemporalAdjusters.lastInMonth(DayOfWeek.WEDNESDAY));
        LocalDate firstMonday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            for (ActivitySummary activity : List.of(centre, canteen)) {
                List<DayBooking> booked = bookings.ofDay(activity.id(), day).stream().filter(b -> b.state() == BookingState.BOOKED).toList();
                if (booked.isEmpty()) {
                    continue;
                }
                SheetStore.Sheet sheet = sheets.open(activity.id(), day);
                for (DayBooking b : booked) {
                    AttendanceStatus status = AttendanceStatus.PRESENT;
                    if (activity == centre && day.equals(thirdWednesday) && children.get("Chloé") != null && b.childId() == children.get("Chloé")) {
                        status = AttendanceStatus.ABSENT_JUSTIFIED;
                        acceptedAbsence(dupont.id(), b.childId(), activity.id(), day);
                    } else if (activity == canteen && day.equals(firstMonday)) {
                        status = AttendanceStatus.ABSENT_UNJUSTIFIED;
                    }
                    sheets.record(sheet.id(), b.childId(), b.familyFileId(), status, null, null, ACTOR);
                }
                if (activity == centre && day.equals(lastWednesday) && children.containsKey("Hugo")) {
                    sheets.record(sheet.id(), children.get("Hugo"), dupont.id(), AttendanceStatus.PRESENT_UNBOOKED, null, null, ACTOR);
                }
                sheets.close(sheet.id(), ACTOR);
            }
        }
    }

    /** Chloé's illness: declared with a medical certificate, accepted by the service. */
    private void acceptedAbsence(long familyFileId, long childId, long activityId, LocalDate day) {
        byte[] certificate = certificate(day);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into absence (family_file_id, child_id, activity_id, day, reason, comment, certificate, certificate_name,
                    certificate_media_type, certificate_size, state, declared_by, declared_at, decided_by, decided_at)
                values (?, ?, ?, ?, 'MALADIE', 'Angine', ?, 'certificat-medical.pdf', 'application/pdf', ?, 'ACCEPTEE', 'dupont', ?, 'enfance', ?)
                """).params(familyFileId, childId, activityId, day, certificate, certificate.length, now, now).update();
    }

    private static byte[] certificate(LocalDate day) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Certificat médical (document de démonstration)"));
        document.add(new Paragraph("L'enfant Chloé DUPONT doit garder la chambre le " + fr.portailfamille.system.PortalTime.DATE.format(day) + "."));
        document.close();
        return out.toByteArray();
    }
}
