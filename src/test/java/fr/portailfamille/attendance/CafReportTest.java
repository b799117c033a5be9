package fr.portailfamille.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * « Rapport CAF — prestation de service » on a month built by hand (October 2026, an activity of
 * the test's own, billed by the default rule: justified absences not billed, no carence):
 * <ul>
 *   <li>a CAF family's child of 4: 10 days booked, present on 7, absent without reason on 1 (billed),
 *       absent justified on 2 (not billed), and present once without a booking — booked 10, came 8, billed 9;</li>
 *   <li>an MSA family's child who turns 6 on the 8th: booked the 6th to the 9th, no sheet — two days
 *       under 6 and two at 6, each booked and billed, none realised;</li>
 *   <li>a family without a scheme, a child of 8 present on the one day booked: « autre ou non précisé ».</li>
 * </ul>
 */
class CafReportTest extends PortalIntegrationTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    private AttendanceFixtures fixtures;
    private long activity;
    private long cafFamily;

    @BeforeEach
    void aMonthBuiltByHand() {
        fixtures = new AttendanceFixtures(jdbc);
        activity = fixtures.activity("Accueil CAF", "enfance", "DAY", 30);

        cafFamily = fixtures.family("CAFIER");
        jdbc.update("update family_file set regime = 'CAF' where id = ?", cafFamily);
        long young = fixtures.child(cafFamily, "CAFIER", "Lou", LocalDate.of(2022, 1, 10), "PS");
        List<Integer> booked = List.of(1, 2, 5, 6, 7, 8, 9, 12, 13, 14);
        for (int i = 0; i < booked.size(); i++) {
            LocalDate day = october(booked.get(i));
            fixtures.book(cafFamily, young, activity, day);
            String status = i < 7 ? "PRESENT" : i == 7 ? "ABSENT_UNJUSTIFIED" : "ABSENT_JUSTIFIED";
            entry(cafFamily, young, day, status);
        }
        entry(cafFamily, young, october(15), "PRESENT_UNBOOKED");

        long msaFamily = fixtures.family("MSAIRE");
        jdbc.update("update family_file set regime = 'MSA' where id = ?", msaFamily);
        long turningSix = fixtures.child(msaFamily, "MSAIRE", "Noé", LocalDate.of(2020, 10, 8), "GS");
        for (int day : new int[] {6, 7, 8, 9}) {
            fixtures.book(msaFamily, turningSix, activity, october(day));
        }

        long otherFamily = fixtures.family("SANSREGIME");
        long older = fixtures.child(otherFamily, "SANSREGIME", "Ana", LocalDate.of(2018, 5, 5), "CE2");
        fixtures.book(otherFamily, older, activity, october(1));
        entry(otherFamily, older, october(1), "PRESENT");
    }

    private static LocalDate october(int day) {
        return LocalDate.of(2026, 10, day);
    }

    /** The child's entry on the (closed) sheet of the day. */
    private void entry(long familyFileId, long childId, LocalDate day, String status) {
        Timestamp at = Timestamp.from(Instant.parse("2026-10-31T18:00:00Z"));
        jdbc.update("""
                insert into attendance_sheet (activity_id, day, state, opened_at, closed_by, closed_at) values (?, ?, 'CLOSED', ?, 'test', ?)
                on conflict (activity_id, day) do nothing""", activity, day, at, at);
        jdbc.update("""
                insert into attendance_entry (sheet_id, child_id, family_file_id, status, recorded_by, recorded_at)
                select id, ?, ?, ?, 'test', ? from attendance_sheet where activity_id = ? and day = ?""",
                childId, familyFileId, status, at, activity, day);
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        Page home = agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        assertThat(home.url()).endsWith("/agent");
        return agent;
    }

    private String path(String suffix) {
        return "/agent/rapport-caf/" + activity + suffix + "?mois=2026-10";
    }

    @Test
    void theServiceReadsBookedRealisedAndBilledByRegimeAndAgeBandWithTotals() {
        WebSession enfance = agent("enfance");
        assertThat(enfance.get("/agent").text()).contains("Rapport CAF — prestation de service");
        assertThat(enfance.get("/agent/rapport-caf").doc().select("ul.links a").eachText()).contains("Accueil CAF " + fixtures.run);

        Page page = enfance.get(path(""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("h1").text()).contains("Accueil CAF", "octobre 2026");
        assertThat(page.text()).contains("un acte est une journée");
        List<String> rows = page.doc().select("table.caf-report tbody tr").eachText();
        assertThat(rows).containsExactly(
                "CAF Moins de 6 ans 10 8 9",
                "CAF 6 ans et plus 0 0 0",
                "CAF Tous âges 10 8 9",
                "MSA Moins de 6 ans 2 0 2",
                "MSA 6 ans et plus 2 0 2",
                "MSA Tous âges 4 0 4",
                "Autre régime ou non précisé Moins de 6 ans 0 0 0",
                "Autre régime ou non précisé 6 ans et plus 1 1 1",
                "Autre régime ou non précisé Tous âges 1 1 1",
                "Tous régimes Moins de 6 ans 12 8 11",
                "Tous régimes 6 ans et plus 3 1 3",
                "Total Tous âges 15 9 14");

        // another month of the same activity: nothing
        assertThat(enfance.get("/agent/rapport-caf/" + activity + "?mois=2026-09").doc().select("table.caf-report tbody tr").last().text())
                .isEqualTo("Total Tous âges 0 0 0");
    }

    @Test
    void theCsvIsUtf8WithABomAndSemicolonsForFinances() {
        byte[] csv = agent("finances").bytes(path("/csv"));
        assertThat(Arrays.copyOf(csv, 3)).as("the UTF-8 byte-order mark first").isEqualTo(BOM);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        // « É » and « â » as their UTF-8 bytes
        assertThat(csv).containsSequence("Réalisés".getBytes(StandardCharsets.UTF_8));
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("Activité;Mois;Unité;Régime;Âge;Réservés;Réalisés;Facturés");
        String name = "Accueil CAF " + fixtures.run;
        assertThat(lines).contains(name + ";2026-10;journée;CAF;Moins de 6 ans;10;8;9",
                name + ";2026-10;journée;MSA;6 ans et plus;2;0;2",
                name + ";2026-10;journée;Total;Tous âges;15;9;14");
        assertThat(lines).hasSize(13);
    }

    @Test
    void thePdfHasTheTownsHeaderAndTheFigures() {
        WebSession guichet = agent("guichet");
        Page answer = guichet.get(path("/pdf"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/pdf");
        String text = pdfText(guichet.bytes(path("/pdf")));
        assertThat(text).contains("Ville de Belcourt", "Rapport CAF – prestation de service", "Accueil CAF " + fixtures.run,
                "octobre 2026", "un acte : journée");
        assertThat(text).contains("CAF Moins de 6 ans 10 8 9", "MSA 6 ans et plus 2 0 2", "Tous régimes Moins de 6 ans 12 8 11",
                "Total Tous âges 15 9 14");
    }

    @Test
    void anotherServiceAndFamiliesAreRefused() {
        WebSession restauration = agent("restauration");
        for (String suffix : List.of("", "/csv", "/pdf")) {
            assertThat(restauration.get(path(suffix)).status()).as(suffix).isEqualTo(403);
        }
        assertThat(restauration.get("/agent/rapport-caf").doc().select("ul.links a").eachText())
                .doesNotContain("Accueil CAF " + fixtures.run);
        assertThat(agent("enfance").get("/agent/rapport-caf/999999999").status()).isEqualTo(404);

        WebSession family = session();
        String username = fixtures.account(cafFamily, encoder.encode("Mot-de-passe-2026"));
        assertThat(family.login(username, "Mot-de-passe-2026").status()).isEqualTo(200);
        for (String suffix : List.of("", "/csv", "/pdf")) {
            assertThat(family.get(path(suffix)).isRedirectTo("/agent/connexion")).as(suffix).isTrue();
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
