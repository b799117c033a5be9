package fr.portailfamille.registration;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.StatementCounter;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What « Mes inscriptions » costs the database, the page a family lands on after « enregistrer »:
 * counted on the second visit of the demo family DUPONT (three children, the demo catalogue), as
 * {@code portal.PageCostTest} counts the other busy pages. The catalogue's periods are read once and
 * each child's live requests once, whatever the number of activities. And what « enregistrer » itself
 * costs: the request's checks, the process's start (the review prepared, the task, its timers) and
 * the session.
 */
class RegistrationPageCostTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Activities activities;

    @Test
    void myRegistrations() {
        WebSession family = session();
        assertThat(family.login("dupont", "Portail-Demo-2026").status()).isEqualTo(200);
        assertThat(family.get("/inscriptions").status()).isEqualTo(200);
        String probe = UUID.randomUUID().toString();
        Page page = family.send(HttpRequest.newBuilder(family.uri("/inscriptions")).header(StatementCounter.HEADER, probe).GET());
        assertThat(page.status()).isEqualTo(200);
        StatementCounter.Counts counts = StatementCounter.of(probe);
        System.out.println("PAGE COST /inscriptions: " + counts);
        assertThat(counts.statements()).as("statements\n" + counts).isLessThanOrEqualTo(BUDGET);
    }

    /** Counted on a second family's request: the first one fills the engine's caches (job definitions). */
    @Test
    void register() {
        long centre = activities.findByCode("CENTRE_LOISIRS").orElseThrow().id();
        registerThroughThePage(RegistrationFamilies.create(jdbc, encoder), centre, null);
        String probe = UUID.randomUUID().toString();
        Page landed = registerThroughThePage(RegistrationFamilies.create(jdbc, encoder), centre, probe);
        assertThat(landed.text()).contains("est enregistrée").contains("en attente de validation");
        StatementCounter.Counts counts = StatementCounter.of(probe);
        System.out.println("PAGE COST POST /inscriptions/inscrire: " + counts);
        assertThat(counts.statements()).as("statements\n" + counts).isLessThanOrEqualTo(REGISTER_BUDGET);
    }

    private Page registerThroughThePage(TestFamily family, long activity, String probe) {
        WebSession session = session();
        session.login(family.username(), family.password());
        Page form = session.get("/inscriptions/inscrire?activite=" + activity + "&enfant=" + family.olderChildId());
        // the form's own fields (CSRF and one-time tokens, activity, child) and Wednesday ticked, as « enregistrer » sends them
        StringBuilder fields = new StringBuilder("jours=WEDNESDAY");
        form.doc().select("#form-inscription input[type=hidden]").forEach(input -> fields.append('&').append(input.attr("name"))
                .append('=').append(URLEncoder.encode(input.attr("value"), StandardCharsets.UTF_8)));
        HttpRequest.Builder post = HttpRequest.newBuilder(session.uri("/inscriptions/inscrire"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields.toString()));
        Page sent = session.send(probe == null ? post : post.header(StatementCounter.HEADER, probe));
        assertThat(sent.status()).isEqualTo(302);
        return session.follow(sent);
    }

    /**
     * The session, the one-time token (claimed, then its answer kept), the family, the activity, its period, the
     * child's live requests, the request recorded; the engine's start (the process definition, the review's
     * reads — the family, the activity, the health sheet read and recorded, the documents, the quotient, the
     * child's other requests, the places — the job definitions of the two timers, the task's authorizations,
     * and its inserts); the instance id on the request; the flash message in the session. It was 43, the
     * family read as three entities and the activity twice more.
     */
    static final int REGISTER_BUDGET = 40;

    /**
     * For DUPONT: the session, the family file, the catalogue, the family's requests, the periods, each of the
     * three children's live requests, the two tab counters. It was 8 + 6 × the number of activities (each
     * child's live requests and each activity's periods read per activity, the family and catalogue twice).
     */
    static final int BUDGET = 10;
}
