package fr.portailfamille.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/**
 * What every simulation shares: the families seeded by benchmarks/seed-rush.sql (their CSV feeder
 * and their common password), the HTTP protocol on the loopback, and the login through the real
 * form with its CSRF token.
 */
final class SeededFamilies {

    static final String FEEDER = System.getProperty("bench.feeder", "benchmarks/target/rush-families.csv");
    static final String PASSWORD = System.getProperty("rush.password", "Banc-Essai-2026");

    private SeededFamilies() {}

    static HttpProtocolBuilder protocol(String benchmark) {
        return http.baseUrl(Loopback.baseUrl())
                .acceptHeader("text/html,application/xhtml+xml")
                .acceptLanguageHeader("fr-FR,fr;q=0.9")
                .userAgentHeader("Gatling " + benchmark + " (banc d'essai Portail Famille)");
    }

    /**
     * How often a family in the waiting room asks where it stands: when the room's answer says to
     * ({@code attente}, as the page's own script does), or every {@code bench.roomPollSeconds} if given.
     */
    static final Integer ROOM_POLL_SECONDS = Integer.getInteger("bench.roomPollSeconds");

    /**
     * One step of a family, through the waiting room like a browser: the request (redirects followed);
     * if the answer is the waiting page (503, « Vous êtes n° … dans la file ») the family keeps its
     * ticket (the cookie), asks {@code /salle-d-attente/etat} when told to ({@link #ROOM_POLL_SECONDS}) until its turn,
     * then reloads the waiting page it was sent to, which lets it in: to the page it asked for, or its
     * kept form saved and the page that answers it. {@code checks} apply to the page finally reached;
     * the waiting answers are reported under « salle d'attente … », the first one is not a KO. Each wait
     * is noted in {@link RoomLog} (the ticket, when the family was last told to wait, when it got in).
     */
    static ChainBuilder throughTheRoom(String name, HttpRequestActionBuilder request, CheckBuilder... checks) {
        return exec(request.check(status().in(200, 503), css("#salle-attente").count().saveAs("inRoom"),
                                currentLocation().saveAs("roomUrl"))
                        .checkIf((response, session) -> response.status().code() != 503).then(checks))
                .doIf(session -> session.getInt("inRoom") > 0).then(
                        // one « mise en attente » per request held (the script's count), then the polls
                        exec(session -> session.set("lastWaiting", -1L).remove("entered").remove("ticket").remove("attente"))
                                .exec(http(name + " (mise en attente)").get("/salle-d-attente/etat").check(roomState()))
                                .exec(SeededFamilies::noteState)
                                .asLongAs(session -> !session.getBoolean("entree")).on(
                                        pause(SeededFamilies::nextAsk)
                                                .exec(http("salle d'attente (état)").get("/salle-d-attente/etat").check(roomState()))
                                                .exec(SeededFamilies::noteState))
                                .exec(session -> {
                                    if (session.contains("ticket") && session.contains("entered")) {
                                        RoomLog.record(session.getLong("ticket"), session.getLong("lastWaiting"), session.getLong("entered"));
                                    }
                                    return session;
                                })
                                .exec(http(name + " (après la salle d'attente)").get("#{roomUrl}").check(checks)));
    }

    private static CheckBuilder[] roomState() {
        return new CheckBuilder[] {status().is(200), jsonPath("$.entree").ofBoolean().saveAs("entree"),
            jsonPath("$.ticket").ofLong().optional().saveAs("ticket"), jsonPath("$.attente").ofInt().optional().saveAs("attente"),
            responseTimeInMillis().saveAs("answerMillis")};
    }

    private static Duration nextAsk(Session session) {
        if (ROOM_POLL_SECONDS != null) {
            return Duration.ofSeconds(ROOM_POLL_SECONDS);
        }
        return Duration.ofSeconds(session.contains("attente") ? session.getInt("attente") : 3);
    }

    /** The room's answer just received: still waiting at (now - its response time) at least, or in by now. */
    private static Session noteState(Session session) {
        long now = System.currentTimeMillis();
        if (!session.contains("entree") || !session.contains("answerMillis")) {
            return session;
        }
        if (session.getBoolean("entree")) {
            return session.set("entered", now);
        }
        return session.set("lastWaiting", now - session.getInt("answerMillis"));
    }

    /** How many times a family tries again when the portal answers « réessayez dans quelques secondes ». */
    static final int LOGIN_TRIES = Integer.getInteger("bench.loginTries", 5);

    /**
     * The login page, then the form posted with its token. When the portal is too busy to check the
     * password in time it answers at once « réessayez dans quelques secondes » (counted KO); the
     * family waits 2 to 5 s and tries again, like a parent would, at most {@link #LOGIN_TRIES} times.
     * A family still not logged in (refused, timed out, or busy every time) stops there.
     */
    static ChainBuilder login() {
        return exec(session -> session.set("loggedIn", 0).set("loginTries", 0))
                .asLongAs(session -> session.getInt("loggedIn") == 0 && session.getInt("loginTries") < LOGIN_TRIES).on(
                        // the page each time, as a parent reloads it: a fresh token for the session of the moment
                        exec(throughTheRoom("connexion (page)", http("connexion (page)").get("/connexion"),
                                status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                        // the posted password is never kept by the waiting room: held there, the family gets the
                        // login page back after its wait (no « Se déconnecter »: loggedIn 0) and posts again
                        .exec(throughTheRoom("connexion (envoi)", http("connexion (envoi)").post("/connexion")
                                .formParam("_csrf", "#{csrf}")
                                .formParam("username", "#{username}")
                                .formParam("password", PASSWORD),
                                // logged in: the page after the redirect offers « Se déconnecter »
                                status().is(200),
                                css("form[action='/deconnexion']").count().saveAs("loggedIn"),
                                css("form[action='/deconnexion']").exists()))
                        .exec(session -> session.set("loginTries", session.getInt("loginTries") + 1))
                        .doIf(session -> session.getInt("loggedIn") == 0 && session.getInt("loginTries") < LOGIN_TRIES)
                        .then(pause(Duration.ofSeconds(2), Duration.ofSeconds(5))))
                // a family whose login failed never reaches a page as anonymous
                .exitHereIf(session -> session.getInt("loggedIn") == 0)
                .exec(Session::markAsSucceeded);
    }

    /** Waits until this instant (epoch ms): families logged in before an opening wait on their page for it. */
    static ChainBuilder waitUntil(long openingMillis) {
        return pause(session -> Duration.ofMillis(Math.max(0, openingMillis - System.currentTimeMillis())));
    }
}
