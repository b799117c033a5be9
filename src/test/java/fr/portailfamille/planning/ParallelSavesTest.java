package fr.portailfamille.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Many saves of one session at once, right after login (a page with several forms, an impatient
 * family): each answers the planning page, none a 500, although every request writes the session
 * (its flash report) at the same time.
 */
class ParallelSavesTest extends PortalIntegrationTest {

    static final String PASSWORD = "Planning-Test-2026";

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    @Test
    void eighteenParallelSavesRightAfterLoginAllAnswerThePlanning() throws Exception {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc);
        long activity = fixtures.activity("Atelier parallèle", 30);
        long family = fixtures.family("PARALLELE");
        long child = fixtures.child(family, "Lou");
        WebSession session = session();
        session.login(fixtures.account(family, encoder.encode(PASSWORD)), PASSWORD);
        WebSession.Page edit = session.get("/planning/modifier?enfant=" + child + "&activite=" + activity + "&mois=2027-06");
        assertThat(edit.status()).isEqualTo(200);
        String csrf = session.csrfToken();

        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2027, 6, 1); days.size() < 18; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day);
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<WebSession.Page>> answers = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            List<LocalDate> upTo = days.subList(0, i + 1);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Map<String, String> save = new LinkedHashMap<>();
                save.put("_csrf", csrf);
                save.put("enfant", String.valueOf(child));
                save.put("activite", String.valueOf(activity));
                save.put("mois", "2027-06");
                String body = save.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "&" + b).orElseThrow()
                        + upTo.stream().map(d -> "&jours=" + d).reduce("", String::concat);
                return session.send(java.net.http.HttpRequest.newBuilder(session.uri("/planning/modifier"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            }));
        }
        go.countDown();

        for (CompletableFuture<WebSession.Page> answer : answers) {
            WebSession.Page page = answer.get();
            assertThat(page.status()).as(page.body()).isEqualTo(302);
            assertThat(page.location()).contains("/planning/modifier");
        }
        assertThat(session.get("/planning/modifier?enfant=" + child + "&activite=" + activity + "&mois=2027-06").status()).isEqualTo(200);
    }
}
