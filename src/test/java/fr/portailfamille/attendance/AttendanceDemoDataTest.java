package fr.portailfamille.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's month just ended, as a fresh start shows it: closed sheets, Chloé's illness accepted
 * with a certificate, Hugo present without a booking, DUPONT's invoice with days not billed and why,
 * and the absence's state on the family's « Planning ».
 */
class AttendanceDemoDataTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void theMonthJustEndedHasClosedSheetsAnAcceptedAbsenceAndAnInvoiceWithDaysNotBilled() throws IOException {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        long centre = jdbc.queryForObject("select id from activity where code = 'CENTRE_LOISIRS'", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from attendance_sheet where activity_id = ? and day between ? and ? and state = 'CLOSED'",
                Integer.class, centre, last.atDay(1), last.atEndOfMonth())).as("closed sheets of the month (its Wednesdays but a public holiday)").isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from attendance_sheet where day between ? and ? and state = 'OPEN'",
                Integer.class, last.atDay(1), last.atEndOfMonth())).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from absence a join child c on c.id = a.child_id
                where c.first_name = 'Chloé' and a.state = 'ACCEPTEE' and a.certificate is not null and a.day between ? and ?
                """, Integer.class, last.atDay(1), last.atEndOfMonth())).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where e.status = 'PRESENT_UNBOOKED' and s.day between ? and ?
                """, Integer.class, last.atDay(1), last.atEndOfMonth())).isEqualTo(1);

        byte[] pdf = jdbc.queryForObject("""
                select i.pdf from invoice i join family_file f on f.id = i.family_file_id
                where f.number = '100123' and i.month = ? and i.state <> 'CANCELLED'
                """, byte[].class, last.toString());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Jours non facturés").contains("absence justifiée").contains("présent sans réservation")
                .contains("absence non justifiée");

        WebSession family = session();
        family.login("dupont", "Portail-Demo-2026");
        var planning = family.get("/planning?activite=" + centre + "&mois=" + last + "&vue=activite");
        assertThat(planning.status()).isEqualTo(200);
        assertThat(planning.doc().select(".day-note").text()).contains("Absence justifiée");
    }
}
