package fr.portailfamille.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.system.PortalTime;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The day sheet over real HTTP: the children booked with their health badges, pick-up persons and
 * phones; check-in by two agents at once (nothing lost); the refusals; the child who came without a
 * booking; the closing and the audited correction after it; the printed sheet, one page per 25.
 */
class DaySheetTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Activities activities;
    @Autowired DaySheets sheets;
    @Autowired DaySheetPdf pdf;

    private AttendanceFixtures fixtures;
    private final LocalDate today = LocalDate.now(PortalTime.ZONE);

    @BeforeEach
    void fixtures() {
        fixtures = new AttendanceFixtures(jdbc);
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    private String sheetPath(long activity, LocalDate day) {
        return "/agent/presences/" + activity + "/" + day;
    }

    private Page tick(WebSession agent, long activity, LocalDate day, long child, String status, boolean htmx) {
        // the logout form of every staff page carries the CSRF token
        String token = agent.get("/agent").doc().selectFirst("input[name=_csrf]").attr("value");
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.uri(sheetPath(activity, day) + "/enfants/" + child))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&statut=" + status));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return agent.send(request);
    }

    private String status(long activity, LocalDate day, long child) {
        return jdbc.queryForObject("""
                select e.status from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where s.activity_id = ? and s.day = ? and e.child_id = ?""", String.class, activity, day, child);
    }

    @Test
    void theSheetShowsTheBookedChildrenWithTheirHealthBadgePickupPersonsAndPhones() {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        long family = fixtures.family("MARTIN");
        long lina = fixtures.child(family, "MARTIN", "Lina", today.minusYears(7), "CE1");
        fixtures.allergy(lina, "arachide", "sans porc");
        fixtures.pickup(lina, "MARTIN", "Jean", "grand-père", "0699887766");
        long tom = fixtures.child(family, "MARTIN", "Tom", today.minusYears(4).minusDays(1), "MS");
        long waiting = fixtures.child(family, "MARTIN", "Zoé", today.minusYears(5), null);
        fixtures.book(family, lina, activity, today);
        fixtures.book(family, tom, activity, today);
        fixtures.booking(family, waiting, activity, today, "WAITING");

        Page page = agent("enfance").get(sheetPath(activity, today));
        assertThat(page.status()).isEqualTo(200);
        Element row = page.doc().getElementById("enfant-" + lina);
        assertThat(row.text()).contains("MARTIN Lina", "7 ans – CE1", "à pointer", "Jean MARTIN (grand-père)", "0699887766",
                "Parent : Claire MARTIN", "0611223344");
        assertThat(row.select(".health-badge").eachText()).containsExactly("Allergies : arachide", "Régime : sans porc");
        assertThat(row.selectFirst("a[href=tel:0699887766]")).isNotNull();
        assertThat(page.doc().getElementById("enfant-" + tom).text()).contains("MARTIN Tom", "4 ans – MS");
        assertThat(page.doc().getElementById("enfant-" + tom).select(".health-badge")).isEmpty();
        assertThat(page.doc().getElementById("enfant-" + waiting)).as("a waiting child is not expected").isNull();
        assertThat(page.text()).contains("2 enfant(s) attendu(s), 0 présent(s), 2 à pointer");
    }

    @Test
    void twoAgentsTickingTheSameSheetAtOnceLoseNothing() throws Exception {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        long family = fixtures.family("NOMBREUX");
        List<Long> children = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long child = fixtures.child(family, "NOMBREUX", "Enfant" + i, today.minusYears(6), "CP");
            fixtures.book(family, child, activity, today);
            children.add(child);
        }
        WebSession first = agent("enfance");
        WebSession second = agent("admin");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<Integer>>> agents = List.of(
                    () -> { start.await(); List<Integer> s = new ArrayList<>();
                        for (int i = 0; i < children.size(); i += 2) s.add(tick(first, activity, today, children.get(i), "PRESENT", true).status());
                        return s; },
                    () -> { start.await(); List<Integer> s = new ArrayList<>();
                        for (int i = 1; i < children.size(); i += 2) s.add(tick(second, activity, today, children.get(i), "ABSENT_UNJUSTIFIED", true).status());
                        return s; });
            List<Future<List<Integer>>> done = new ArrayList<>();
            for (Callable<List<Integer>> a : agents) {
                done.add(pool.submit(a));
            }
            start.countDown();
            for (Future<List<Integer>> f : done) {
                assertThat(f.get()).containsOnly(200);
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < children.size(); i++) {
            assertThat(status(activity, today, children.get(i))).as("child " + i).isEqualTo(i % 2 == 0 ? "PRESENT" : "ABSENT_UNJUSTIFIED");
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from attendance_audit a join attendance_sheet s on s.id = a.sheet_id where s.activity_id = ?""",
                Integer.class, activity)).isEqualTo(16);
        Page sheet = first.get(sheetPath(activity, today));
        assertThat(sheet.text()).contains("16 enfant(s) attendu(s), 8 présent(s), 0 à pointer");
        assertThat(sheet.doc().getElementById("enfant-" + children.get(1)).text()).contains("absent non justifié", "par admin");
    }

    @Test
    void aCheckInAnswersItsRowAloneToHtmxAndRecordsWhoAndWhen() {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        long family = fixtures.family("SEUL");
        long child = fixtures.child(family, "SEUL", "Noé", today.minusYears(8), "CE2");
        fixtures.book(family, child, activity, today);
        WebSession enfance = agent("enfance");

        Page row = tick(enfance, activity, today, child, "PRESENT", true);
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body().strip()).startsWith("<li").doesNotContain("<html");
        assertThat(row.doc().selectFirst("li.child-row").id()).isEqualTo("enfant-" + child);
        assertThat(row.text()).contains("présent", "par enfance à");
        assertThat(row.doc().selectFirst("button[value=PRESENT]").attr("aria-pressed")).isEqualTo("true");
        assertThat(row.doc().selectFirst("#bilan[hx-swap-oob=true]").text()).contains("1 enfant(s) attendu(s), 1 présent(s), 0 à pointer");

        // the same click again (a retry after a lost answer) changes nothing and adds no audit line
        tick(enfance, activity, today, child, "PRESENT", true);
        assertThat(jdbc.queryForObject("select count(*) from attendance_audit where child_id = ?", Integer.class, child)).isEqualTo(1);

        // without JavaScript: a redirect back to the sheet
        Page plain = tick(enfance, activity, today, child, "ABSENT_JUSTIFIED", false);
        assertThat(plain.status()).isEqualTo(302);
        assertThat(status(activity, today, child)).isEqualTo("ABSENT_JUSTIFIED");
    }

    @Test
    void refusedCheckInsAreExplainedInFrenchAndOtherServicesAndFamiliesSeeNothing() throws Exception {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        long family = fixtures.family("REFUS");
        long booked = fixtures.child(family, "REFUS", "Ana", today.minusYears(6), "CP");
        long other = fixtures.child(family, "REFUS", "Ben", today.minusYears(6), "CP");
        fixtures.book(family, booked, activity, today);
        fixtures.book(family, booked, activity, today.plusDays(7));
        WebSession enfance = agent("enfance");

        Page future = tick(enfance, activity, today.plusDays(7), booked, "PRESENT", true);
        assertThat(future.header("HX-Retarget")).isEqualTo("#erreur-" + booked);
        assertThat(future.text()).contains("On ne pointe qu'un jour commencé");
        Page notBooked = tick(enfance, activity, today, other, "ABSENT_UNJUSTIFIED", true);
        assertThat(notBooked.text()).contains("n'a pas de réservation ce jour");
        Page nonsense = tick(enfance, activity, today, booked, "PARTI", true);
        assertThat(nonsense.text()).contains("Choisissez présent ou absent");
        assertThat(jdbc.queryForObject("select count(*) from attendance_entry where child_id in (?, ?)", Integer.class, booked, other)).isZero();

        assertThat(agent("restauration").get(sheetPath(activity, today)).status()).isEqualTo(403);
        assertThat(tick(agent("restauration"), activity, today, booked, "PRESENT", false).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from attendance_entry where child_id = ?", Integer.class, booked)).isZero();

        String username = fixtures.account(family, encoder.encode("Motdepasse-Essai-1"));
        WebSession parent = session();
        parent.login(username, "Motdepasse-Essai-1");
        Page denied = parent.get(sheetPath(activity, today));
        assertThat(denied.status()).isEqualTo(302);
        assertThat(denied.location()).contains("/agent/connexion");
    }

    @Test
    void aChildWithoutBookingIsFoundByNameAndAddedAsPresent() {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        long family = fixtures.family("SURPRISE");
        long child = fixtures.child(family, "SURPRISE" + fixtures.run.toUpperCase(), "Léon", today.minusYears(9), "CM1");
        WebSession enfance = agent("enfance");

        Page found = enfance.get(sheetPath(activity, today) + "/recherche?nom=surprise" + fixtures.run);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text()).contains("Léon (9 ans)");
        Page added = enfance.submit(found, "form[action$=/enfants/" + child + "]", Map.of());
        assertThat(added.status()).isEqualTo(302);
        assertThat(status(activity, today, child)).isEqualTo("PRESENT_UNBOOKED");
        Page sheet = enfance.get(sheetPath(activity, today));
        assertThat(sheet.doc().getElementById("enfant-" + child).text()).contains("présent sans réservation", "sans réservation");
        assertThat(sheet.doc().getElementById("enfant-" + child).select("button[value=ABSENT_UNJUSTIFIED]")).isEmpty();
        // and he is no longer offered
        assertThat(enfance.get(sheetPath(activity, today) + "/recherche?nom=surprise" + fixtures.run).text()).doesNotContain("Léon (9 ans)");
    }

    @Test
    void aSheetClosesOnceEveryChildIsCheckedAndALaterCorrectionIsAudited() {
        long activity = fixtures.activity("Périscolaire", "enfance", "SESSION", 30);
        long family = fixtures.family("CLOTURE");
        long eva = fixtures.child(family, "CLOTURE", "Eva", today.minusYears(6), "CP");
        long jules = fixtures.child(family, "CLOTURE", "Jules", today.minusYears(8), "CE2");
        fixtures.book(family, eva, activity, today);
        fixtures.book(family, jules, activity, today);
        WebSession enfance = agent("enfance");

        Page refused = enfance.follow(enfance.submit(enfance.get(sheetPath(activity, today)), "form[action$=/cloturer]", Map.of()));
        assertThat(refused.text()).contains("Pointez d'abord les 2 enfants restants : CLOTURE Eva, CLOTURE Jules.").doesNotContain("clôturée par");

        // a session activity records arrival and departure times
        Page sheet = enfance.get(sheetPath(activity, today));
        Page timed = enfance.submit(sheet, "#enfant-" + eva + " form", Map.of("statut", "PRESENT", "arrivee", "16:35", "depart", "18:10"));
        assertThat(timed.status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select arrival::text || '-' || departure::text from attendance_entry where child_id = ?",
                String.class, eva)).isEqualTo("16:35:00-18:10:00");
        Page backwards = enfance.follow(enfance.submit(enfance.get(sheetPath(activity, today)), "#enfant-" + eva + " form",
                Map.of("statut", "PRESENT", "arrivee", "18:00", "depart", "17:00")));
        assertThat(backwards.text()).contains("L'heure de départ doit suivre l'heure d'arrivée.");
        tick(enfance, activity, today, jules, "ABSENT_UNJUSTIFIED", true);

        Page closed = enfance.follow(enfance.submit(enfance.get(sheetPath(activity, today)), "form[action$=/cloturer]", Map.of()));
        assertThat(closed.text()).contains("La feuille est clôturée", "Feuille clôturée par enfance");
        assertThat(closed.doc().select("form[action$=/cloturer]")).isEmpty();

        // Jules came after all: a correction after closing, kept in the audit trail and shown
        tick(enfance, activity, today, jules, "ABSENT_JUSTIFIED", true);
        Page after = enfance.get(sheetPath(activity, today));
        assertThat(after.text()).contains("Corrections après clôture", "CLOTURE Jules : absent non justifié → absent justifié, par enfance");
        assertThat(jdbc.queryForObject("select count(*) from attendance_audit where child_id = ? and after_closing", Integer.class, jules))
                .isEqualTo(1);
    }

    @Test
    void thePrintedSheetHasOnePagePerGroupOfTwentyFiveChildren() throws IOException {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        long family = fixtures.family("IMPRIME");
        for (int i = 0; i < 26; i++) {
            long child = fixtures.child(family, "IMPRIME", "Enfant" + i, today.minusYears(7), "CE1");
            if (i == 0) {
                fixtures.allergy(child, "lait", null);
            }
            fixtures.book(family, child, activity, today);
        }
        Page http = agent("enfance").get(sheetPath(activity, today) + "/pdf");
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.header("Content-Type")).isEqualTo("application/pdf");

        byte[] bytes = pdf.render(sheets.sheet(activities.find(activity).orElseThrow(), today));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Feuille de présence", "page 1 sur 2", "page 2 sur 2", "Allergies : lait", "IMPRIME Enfant0",
                    "26 enfant(s) attendu(s)");
        }
    }
}
