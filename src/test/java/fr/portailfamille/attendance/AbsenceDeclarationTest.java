package fr.portailfamille.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A family declares, over real HTTP, its child's absence on a booked day past the cut-off with a
 * certificate; the service sees it on the day sheet, opens the certificate and accepts it in
 * Tasklist; the family is mailed and reads « absence justifiée ». What cannot be declared is
 * refused in French, and another family sees nothing.
 */
class AbsenceDeclarationTest extends PortalIntegrationTest {

    private static final String PASSWORD = "Motdepasse-Absence-1";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TaskService tasks;

    private AttendanceFixtures fixtures;
    private long family;
    private long child;
    private long activity;
    private String username;
    private final LocalDate today = LocalDate.now(PortalTime.ZONE);

    @BeforeEach
    void aFamilyWithABookedDay() {
        fixtures = new AttendanceFixtures(jdbc);
        activity = fixtures.activity("Centre", "enfance", "DAY", 40);
        family = fixtures.family("MALADE");
        child = fixtures.child(family, "MALADE", "Léon", today.minusYears(6), "CP");
        fixtures.book(family, child, activity, today);
        username = fixtures.account(family, encoder.encode(PASSWORD));
    }

    private WebSession familySession() {
        WebSession session = session();
        assertThat(session.login(username, PASSWORD).status()).isEqualTo(200);
        return session;
    }

    private Map<String, String> fields(Page form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.doc().select("form[action$=/planning/absences/signaler] input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        return fields;
    }

    @Test
    void theFamilyDeclaresAnAbsenceWithACertificateAndSeesItAccepted() {
        WebSession parent = familySession();
        assertThat(parent.get("/planning").doc().select("a[href=/planning/absences]")).isNotEmpty();
        Page list = parent.get("/planning/absences");
        assertThat(list.status()).isEqualTo(200);
        String link = list.doc().select("a:contains(Signaler une absence)").stream().map(a -> a.attr("href"))
                .filter(h -> h.contains("enfant=" + child)).findFirst().orElseThrow();
        Page form = parent.get(link);
        assertThat(form.text()).contains("MALADE Léon".replace("MALADE Léon", "Léon MALADE"));

        // no reason: refused in French, nothing stored
        Map<String, String> noReason = fields(form);
        Page refused = parent.postMultipart("/planning/absences/signaler", noReason, List.of());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Choisissez le motif de l'absence");
        // a file that is not a PDF nor an image: the family module's upload check
        Map<String, String> withReason = fields(form);
        withReason.put("reason", "MALADIE");
        withReason.put("comment", "gastro");
        Page badFile = parent.postMultipart("/planning/absences/signaler", withReason,
                List.of(new FilePart("certificat", "certificat.pdf", "application/pdf", "MZ pas un PDF".getBytes())));
        assertThat(badFile.text()).contains("Seuls les fichiers PDF, JPEG ou PNG sont acceptés");
        assertThat(jdbc.queryForObject("select count(*) from absence where child_id = ?", Integer.class, child)).isZero();

        Page sent = parent.postMultipart("/planning/absences/signaler", withReason,
                List.of(new FilePart("certificat", "certificat médical.pdf", "application/pdf", PDF)));
        assertThat(sent.isRedirectTo("/planning/absences?signalee")).as(sent.text()).isTrue();
        // the same form again (a double click): one declaration only, a French answer
        Page twice = parent.postMultipart("/planning/absences/signaler", withReason,
                List.of(new FilePart("certificat", "certificat médical.pdf", "application/pdf", PDF)));
        assertThat(twice.status()).isIn(200, 404);
        assertThat(jdbc.queryForObject("select count(*) from absence where child_id = ?", Integer.class, child)).isEqualTo(1);
        assertThat(parent.follow(sent).text()).contains("justification en cours d'examen", "maladie (certificat joint)");

        // the service: the sheet shows it, the certificate opens, the task is accepted
        WebSession enfance = session();
        enfance.follow(enfance.submit(enfance.get("/agent/connexion"), "form", Map.of("username", "enfance", "password", "demo")));
        assertThat(enfance.get("/agent/presences/" + activity + "/" + today).doc().getElementById("enfant-" + child).text())
                .contains("absence signalée par la famille : maladie (certificat joint), justification en cours d'examen");
        long absence = jdbc.queryForObject("select id from absence where child_id = ?", Long.class, child);
        Page certificate = enfance.get("/agent/absences/" + absence + "/certificat");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.header("Content-Type")).isEqualTo("application/pdf");
        // opened from the Tasklist form in a new tab: a PDF is shown there, its type never guessed
        assertThat(certificate.header("Content-Disposition")).startsWith("inline");
        assertThat(certificate.header("X-Content-Type-Options")).isEqualTo("nosniff");
        WebSession restauration = session();
        restauration.follow(restauration.submit(restauration.get("/agent/connexion"), "form", Map.of("username", "restauration", "password", "demo")));
        assertThat(restauration.get("/agent/absences/" + absence + "/certificat").status()).isEqualTo(403);

        Task task = tasks.createTaskQuery().processDefinitionKey(AbsenceJustificationProcess.KEY).processInstanceBusinessKeyLike(String.format("ABS-%06d %%", absence)).singleResult();
        assertThat(task.getName()).isEqualTo("Justifier l'absence");
        tasks.complete(task.getId(), Map.of(AbsenceJustificationProcess.ACCEPTED.name(), true));
        jobs().executeDue(task.getProcessInstanceId());
        assertThat(mailbox().await(fixtures.emailOf(family), "Absence justifiée").text()).contains("Léon", "justifiée");
        assertThat(parent.get("/planning/absences").doc().getElementById("absence-" + absence).text()).contains("absence justifiée");
    }

    @Test
    void anotherFamilyNeitherSeesNorDeclaresTheDay() {
        long other = fixtures.family("AUTRE");
        fixtures.child(other, "AUTRE", "Zoé", today.minusYears(5), "GS");
        String otherUser = fixtures.account(other, encoder.encode(PASSWORD));
        WebSession intruder = session();
        intruder.login(otherUser, PASSWORD);
        assertThat(intruder.get("/planning/absences").text()).doesNotContain("MALADE");
        assertThat(intruder.get("/planning/absences/signaler?enfant=" + child + "&activite=" + activity + "&jour=" + today).status()).isEqualTo(404);
        String token = intruder.get("/planning/absences").doc().selectFirst("input[name=_csrf]").attr("value");
        Page forged = intruder.postMultipart("/planning/absences/signaler?_csrf=" + token, Map.of("_csrf", token,
                "enfant", String.valueOf(child), "activite", String.valueOf(activity), "jour", today.toString(), "reason", "MALADIE"), List.of());
        assertThat(forged.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from absence where child_id = ?", Integer.class, child)).isZero();
        // a day long past cannot be declared
        fixtures.book(family, child, activity, today.minusDays(30));
        WebSession parent = familySession();
        assertThat(parent.get("/planning/absences/signaler?enfant=" + child + "&activite=" + activity + "&jour=" + today.minusDays(30)).status())
                .isEqualTo(404);
    }
}
