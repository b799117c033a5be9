package fr.portailfamille.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A family only ever sees and changes its own children's planning: every child id a request
 * carries (view, edit, save, duplicate) is checked, another family's is a 404 and nothing changes.
 */
class PlanningAccessTest extends PortalIntegrationTest {

    static final String PASSWORD = "Planning-Test-2026";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    BookingLedger ledger;

    @Test
    void anotherFamilyCannotReadNorChangeTheseBookings() {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc);
        long activity = fixtures.activity("Atelier accès", 5);
        long martin = fixtures.family("MARTIN");
        long martinChild = fixtures.child(martin, "Inès");
        LocalDate day = LocalDate.of(2027, 6, 9);
        ledger.book(martin, martinChild, activity, day, 5, BookingSource.PLANNING, "martin");

        long bernard = fixtures.family("BERNARD");
        long bernardChild = fixtures.child(bernard, "Tom");
        String bernardUser = fixtures.account(bernard, encoder.encode(PASSWORD));
        WebSession session = session();
        session.login(bernardUser, PASSWORD);

        // its own planning opens
        WebSession.Page own = session.get("/planning?activite=" + activity + "&mois=2027-06&vue=enfant&enfant=" + bernardChild);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).contains("Tom").doesNotContain("Inès");

        // the other family's child: not in any view, a 404 in every request
        assertThat(session.get("/planning?activite=" + activity + "&mois=2027-06&vue=enfant&enfant=" + martinChild).status()).isEqualTo(404);
        assertThat(session.get("/planning/modifier?enfant=" + martinChild + "&activite=" + activity + "&mois=2027-06").status()).isEqualTo(404);
        WebSession.Page edit = session.get("/planning/modifier?enfant=" + bernardChild + "&activite=" + activity + "&mois=2027-06");
        assertThat(edit.status()).isEqualTo(200);
        String csrf = session.csrfToken();

        Map<String, String> save = new LinkedHashMap<>();
        save.put("_csrf", csrf);
        save.put("enfant", String.valueOf(martinChild));
        save.put("activite", String.valueOf(activity));
        save.put("mois", "2027-06");
        assertThat(session.postForm("/planning/modifier", save).status()).isEqualTo(404); // no "jours": would cancel

        Map<String, String> duplicate = new LinkedHashMap<>();
        duplicate.put("_csrf", csrf);
        duplicate.put("activite", String.valueOf(activity));
        duplicate.put("source", String.valueOf(martinChild));
        duplicate.put("cibles", String.valueOf(bernardChild));
        duplicate.put("du", "2027-06-01");
        duplicate.put("au", "2027-06-30");
        assertThat(session.postForm("/planning/dupliquer", duplicate).status()).isEqualTo(404);
        duplicate.put("source", String.valueOf(bernardChild));
        duplicate.put("cibles", String.valueOf(martinChild));
        assertThat(session.postForm("/planning/dupliquer", duplicate).status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("select state from booking where child_id = ? and day = ?", String.class, martinChild, day))
                .isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("select count(*) from booking where child_id = ?", Integer.class, bernardChild)).isZero();

        // without a session, the planning asks to log in; an unknown feed token is a 404
        assertThat(session().get("/planning").isRedirectTo("/connexion")).isTrue();
        assertThat(session().get("/planning/ical/inconnu.ics").status()).isEqualTo(404);
    }
}
