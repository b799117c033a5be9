package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import fr.portailfamille.planning.PlanningFixtures;
import fr.portailfamille.support.Browser;
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
 * Node B trusts its proxy's {@code X-Forwarded-For} and lets each client address (an IPv6 network by
 * its /64) hold 20 places still waiting at most.
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
                    "--portal.waiting-room.max-in-flight=0",
                    // behind a proxy: the family's address is the one X-Forwarded-For gives, 20 places waiting each
                    "--server.forward-headers-strategy=native",
                    "--portal.waiting-room.tickets-per-address=20");
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
            assertThat(room.doc().select("[role=status][aria-live=polite]").text()).startsWith("Vous êtes n° " + i + " dans la file");
            assertThat(room.doc().selectFirst("html").attr("lang")).isEqualTo("fr");
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
        Page third = families.get(2).get(nodeBUrl + "/salle-d-attente");
        assertThat(place(third)).isEqualTo(1);
        // families have got in: the page tells the time left, in French, in the region read out on each change
        assertThat(third.doc().select("[aria-live=polite]").text()).matches("Vous êtes n° 1 dans la file, environ \\d+ (s|min)\\.");
        assertThat(third.doc().selectFirst("[data-estimation]").hasAttr("hidden")).isFalse();
        assertThat(families.get(2).get(BASE_URL + "/connexion").status()).as("still waiting on node A").isEqualTo(303);
        assertThat(families.get(2).get(nodeBUrl + "/salle-d-attente/etat").body())
                .startsWith("{\"entree\":false,\"ticket\":" + (before + 3) + ",\"place\":1,\"secondes\":")
                .containsPattern(",\"attente\":\\d+}$");
        assertThat(first.get(nodeBUrl + "/salle-d-attente/etat").body()).isEqualTo("{\"entree\":true,\"ticket\":" + (before + 1) + "}");
    }

    @Test
    void inChromiumTheWaitingPageIsAccessibleFollowsItsNumberWithoutReloadingAndGoesInOnItsOwn() {
        long before = lastTicket();
        WebSession ahead = session();
        assertThat(ahead.get(nodeBUrl + "/connexion").status()).isEqualTo(303);
        try (BrowserContext window = Browser.newWindow(nodeBUrl)) {
            com.microsoft.playwright.Page page = window.newPage();
            page.navigate("/connexion");
            assertThat(page.url()).endsWith("/salle-d-attente?retour=%2Fconnexion");
            assertThat(page.locator("[role=status][aria-live=polite]").textContent()).contains("Vous êtes n° 2 dans la file");
            Browser.assertAccessible(page);

            // the family ahead gets in: the page's script (every 3 s) puts the new number in the live region, no reload
            page.evaluate("() => window.sameDocument = true");
            letIn(before + 1);
            page.waitForFunction("() => document.querySelector('[data-place]').textContent === '1'");
            assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
            assertThat(page.locator("[aria-live=polite]").textContent().replaceAll("\\s+", " ").trim())
                    .matches("Vous êtes n° 1 dans la file, environ \\d+ (s|min)\\.");

            // its turn: the page goes in on its own, where the family was going
            letIn(before + 2);
            page.waitForURL("**/connexion");
            assertThat(page.locator("input[name=username]").isVisible()).isTrue();
        }
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

    @Test
    void oneNetworkHoldsAtMostItsAllowanceOfPlacesAndTheFamiliesInTheQueueKeepTheirs() throws InterruptedException {
        // twenty families of one IPv6 network (one /64), each from an address of its own, behind the proxy
        String network = "2001:db8:5a11:e:";
        long before = lastTicket();
        List<WebSession> families = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            WebSession family = session();
            Page held = family.send(fromAddress(family, nodeBUrl + "/planning", network + Integer.toHexString(i) + "::1"));
            assertThat(held.status()).isEqualTo(303);
            families.add(family);
        }
        assertThat(lastTicket() - before).isEqualTo(20);

        // the next request of that network without a ticket (a flood, or one family too many): no place, at once, in French
        WebSession flood = session();
        Page refused = flood.send(fromAddress(flood, nodeBUrl + "/planning", network + "ffff:1:2:3"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.doc().select("#salle-attente-complete[role=alert]").text()).startsWith("Trop de places ont déjà été demandées depuis votre connexion");
        assertThat(refused.headers().getOrDefault("set-cookie", List.of())).noneMatch(c -> c.startsWith(Tickets.COOKIE + "="));
        Page posted = flood.send(fromAddress(flood, nodeBUrl + "/planning/modifier", network + "ffff:1:2:4")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("jours=2027-06-01")));
        assertThat(posted.status()).isEqualTo(303);
        assertThat(flood.send(fromAddress(flood, nodeBUrl + posted.location(), network + "ffff:1:2:5")).status()).isEqualTo(429);
        assertThat(lastTicket() - before).as("the flood took no place").isEqualTo(20);

        // the families of that network keep their places; another network gets the next one
        assertThat(place(families.get(0).get(nodeBUrl + "/salle-d-attente"))).isEqualTo(1);
        assertThat(place(families.get(19).get(nodeBUrl + "/salle-d-attente"))).isEqualTo(20);
        WebSession elsewhere = session();
        Page held = elsewhere.send(fromAddress(elsewhere, nodeBUrl + "/planning", "2001:db8:ca5e:1::7"));
        assertThat(place(elsewhere.get(nodeBUrl + held.location()))).isEqualTo(21);

        // its families let in, the network takes places again (once node B's memory of the refusal, a second, is past)
        letIn(before + 21);
        Thread.sleep(1100);
        WebSession later = session();
        Page placed = later.send(fromAddress(later, nodeBUrl + "/planning", network + "ffff:1:2:6"));
        assertThat(placed.status()).isEqualTo(303);
        assertThat(place(later.get(nodeBUrl + placed.location()))).isEqualTo(1);
    }

    /** A request as the town's proxy passes it on: the family's own address in X-Forwarded-For. */
    private static java.net.http.HttpRequest.Builder fromAddress(WebSession family, String url, String address) {
        return java.net.http.HttpRequest.newBuilder(family.uri(url)).header("X-Forwarded-For", address);
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

    /** Waits until the condition holds (the nodes read the shared queue at their pulse), 30 s at most. */
    static void awaitTrue(BooleanSupplier condition) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 30 s (the nodes read the shared queue at their pulse)");
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
