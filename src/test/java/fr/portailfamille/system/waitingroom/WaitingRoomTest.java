package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.planning.PlanningFixtures;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.SecondApplication;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The waiting room on two nodes sharing one PostgreSQL: node B is configured with a capacity of zero
 * requests at once (every newcomer there is past capacity), node A is the shared test portal. The
 * queue moves only when the test lets families in (admit-per-second 0 in the tests), as a node's
 * pulse would. Families get places in arrival order, keep them on retries and reloads on either node,
 * get in strictly by order, and a planning save posted while waiting is saved once when they get in.
 */
class WaitingRoomTest extends PortalIntegrationTest {

    static final String PASSWORD = "Salle-Attente-2026";
    private static final Pattern PLACE = Pattern.compile("Vous êtes n° (\\d+) dans la file");

    private static ConfigurableApplicationContext nodeB;
    private static String nodeBUrl;

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DataSource dataSource;
    @Autowired WaitingRoom roomA;

    @BeforeEach
    void startNodeB() throws SQLException {
        if (nodeB == null) {
            String url;
            String user;
            try (Connection connection = dataSource.getConnection()) {
                url = connection.getMetaData().getURL();
                user = connection.getMetaData().getUserName();
            }
            // the same database as node A (the machine's server, or the embedded one of the tests)
            nodeB = SecondApplication.start(
                    "--spring.profiles.active=test,demo",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--server.port=0",
                    // a small pool: the machine's PostgreSQL is shared
                    "--spring.datasource.hikari.maximum-pool-size=4",
                    "--spring.datasource.hikari.minimum-idle=1",
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + MAIL.getSmtp().getPort(),
                    "--portal.waiting-room.max-in-flight=0");
            nodeBUrl = "http://localhost:" + nodeB.getEnvironment().getProperty("local.server.port");
        }
        emptyRoom();
    }

    @AfterEach
    void letEveryoneIn() {
        emptyRoom();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void familiesGetPlacesInArrivalOrderKeepThemOnRetriesOnEitherNodeAndGetInByOrder() throws Exception {
        long before = lastTicket();
        List<WebSession> families = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            WebSession family = session();
            Page held = family.get(nodeBUrl + "/connexion");
            assertThat(held.status()).isEqualTo(303);
            assertThat(held.location()).isEqualTo("/salle-d-attente?retour=%2Fconnexion");
            Page room = family.get(nodeBUrl + held.location());
            assertThat(room.status()).as("the waiting page, at once").isEqualTo(503);
            assertThat(room.header("Retry-After")).isEqualTo("5");
            assertThat(room.doc().select("noscript meta[http-equiv=refresh]").attr("content")).isEqualTo("5");
            assertThat(room.doc().select("[aria-live=polite]").text()).startsWith("Vous êtes n° " + i + " dans la file");
            families.add(family);
        }

        // the first family reloads and retries, on node B and on node A: same place, nobody pushed back
        WebSession first = families.get(0);
        assertThat(place(first.get(nodeBUrl + first.get(nodeBUrl + "/connexion").location()))).isEqualTo(1);
        Page onA = first.get(BASE_URL + "/");
        assertThat(onA.status()).isEqualTo(303);
        assertThat(place(first.get(BASE_URL + onA.location()))).as("the same place on the other node").isEqualTo(1);
        assertThat(place(families.get(4).get(nodeBUrl + "/salle-d-attente"))).isEqualTo(5);

        // eight more at the same instant: the next eight places, each once
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            WebSession family = session();
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Page held = family.get(nodeBUrl + "/planning");
                return place(family.get(nodeBUrl + held.location()));
            }));
        }
        go.countDown();
        Set<Long> places = new TreeSet<>();
        for (CompletableFuture<Long> answer : answers) {
            places.add(answer.get());
        }
        assertThat(places).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(lastTicket() - before).as("retries and reloads took no ticket").isEqualTo(13);

        // two places free up: the first two get in, in order, on either node; the third is now first
        letIn(before + 2);
        Page firstIn = first.get(BASE_URL + "/salle-d-attente?retour=%2Fconnexion");
        assertThat(firstIn.status()).isEqualTo(303);
        assertThat(firstIn.location()).isEqualTo("/connexion");
        assertThat(first.get(nodeBUrl + "/connexion").status()).as("in, although node B is past capacity").isEqualTo(200);
        Page secondIn = families.get(1).get(nodeBUrl + "/salle-d-attente?retour=%2Fconnexion");
        assertThat(secondIn.location()).isEqualTo("/connexion");
        assertThat(place(families.get(2).get(nodeBUrl + "/salle-d-attente"))).isEqualTo(1);
        assertThat(families.get(2).get(BASE_URL + "/connexion").status()).as("still waiting on node A").isEqualTo(303);
        assertThat(families.get(2).get(nodeBUrl + "/salle-d-attente/etat").body()).startsWith("{\"entree\":false,\"place\":1,");
        assertThat(first.get(nodeBUrl + "/salle-d-attente/etat").body()).isEqualTo("{\"entree\":true}");
    }

    @Test
    void aPlanningSavePostedWhileWaitingIsSavedOnceWhenTheFamilyGetsIn() {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc);
        long activity = fixtures.activity("Atelier salle d'attente", 30);
        long file = fixtures.family("ATTENTE");
        long child = fixtures.child(file, "Inès");
        jdbc.update("""
                insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
                values (?, ?, ?, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '2026-2027', date '2026-09-01', date '2027-08-31',
                        'VALIDATED')""", file, child, activity);
        WebSession family = session();
        family.login(fixtures.account(file, encoder.encode(PASSWORD)), PASSWORD);
        String month = "/planning/modifier?enfant=" + child + "&activite=" + activity + "&mois=2027-06";
        assertThat(family.get(month).status()).isEqualTo(200);
        Map<String, String> save = new LinkedHashMap<>();
        save.put("_csrf", family.csrfToken());
        save.put("enfant", String.valueOf(child));
        save.put("activite", String.valueOf(activity));
        save.put("mois", "2027-06");
        String body = save.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "&" + b).orElseThrow()
                + "&jours=2027-06-01&jours=2027-06-02";

        // the family ticks two days and saves on the node past capacity: kept, not lost, not yet saved
        Page held = family.send(java.net.http.HttpRequest.newBuilder(family.uri(nodeBUrl + "/planning/modifier"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(held.status()).isEqualTo(303);
        Page room = family.get(nodeBUrl + held.location());
        assertThat(room.status()).isEqualTo(503);
        assertThat(room.text()).contains("Vos choix sont gardés");
        assertThat(booked(child)).isZero();

        // its turn: the save is made on its behalf, and the family sees the planning's report
        letIn(lastTicket());
        Page in = family.get(nodeBUrl + held.location());
        assertThat(in.status()).as(in.body()).isEqualTo(302);
        assertThat(in.location()).contains("/planning/modifier");
        String report = family.follow(in).text();
        assertThat(report).contains("Enregistré");
        assertThat(booked(child)).as(report).isEqualTo(2);

        // reloading the room afterwards does not save it again
        Page again = family.get(nodeBUrl + held.location());
        assertThat(again.status()).isEqualTo(303);
        assertThat(booked(child)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from booking where child_id = ?", Long.class, child)).isEqualTo(2);
    }

    @Test
    void aLoginPostedWhileWaitingKeepsItsUserNameButNeverThePassword() {
        WebSession family = session();
        String token = family.get(BASE_URL + "/connexion").doc().selectFirst("input[name=_csrf]").attr("value");
        Page held = family.postForm(nodeBUrl + "/connexion", Map.of("_csrf", token, "username", "dupont", "password", "Portail-Demo-2026"));
        assertThat(held.status()).isEqualTo(303);
        assertThat(URLDecoder.decode(held.location(), StandardCharsets.UTF_8)).isEqualTo("/salle-d-attente?retour=/connexion?username=dupont");
        assertThat(jdbc.queryForObject("select count(*) from waiting_room_form where ticket = ?", Long.class, lastTicket())).isZero();
        letIn(lastTicket());
        Page in = family.get(nodeBUrl + held.location());
        assertThat(in.location()).isEqualTo("/connexion?username=dupont");
        assertThat(family.get(nodeBUrl + in.location()).doc().selectFirst("input[name=username]").attr("value")).isEqualTo("dupont");
    }

    @Test
    void aForgedTicketIsNoPlace() {
        WebSession family = session();
        Page held = family.get(nodeBUrl + "/");
        long mine = lastTicket();
        String forged = "1." + (System.currentTimeMillis() / 1000) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        WebSession forger = session();
        Page other = forger.send(java.net.http.HttpRequest.newBuilder(forger.uri(nodeBUrl + "/"))
                .header("Cookie", Tickets.COOKIE + "=" + forged));
        assertThat(held.status()).isEqualTo(303);
        assertThat(other.status()).as("sent to the back of the queue, not let in").isEqualTo(303);
        assertThat(lastTicket()).isEqualTo(mine + 1);
    }

    private long place(Page room) {
        assertThat(room.status()).as(room.body()).isEqualTo(503);
        Matcher matcher = PLACE.matcher(room.text());
        assertThat(matcher.find()).as(room.text()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private long booked(long child) {
        return jdbc.queryForObject("select count(*) from booking where child_id = ? and state = 'BOOKED'", Long.class, child);
    }

    private long lastTicket() {
        return jdbc.queryForObject("select case when is_called then last_value else 0 end from waiting_room_ticket_seq", Long.class);
    }

    /** What the nodes' pulses do when capacity frees: « served up to » moved on, then seen by both nodes. */
    private void letIn(long upTo) {
        jdbc.update("update waiting_room set served_up_to = greatest(served_up_to, ?) where id = 1", upTo);
        WaitingRoom roomB = nodeB.getBean(WaitingRoom.class);
        awaitTrue(() -> roomA.admitted(upTo) && roomB.admitted(upTo));
    }

    private void emptyRoom() {
        letIn(lastTicket());
        awaitTrue(() -> !roomA.open());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the nodes did not read the shared queue within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
