package fr.portailfamille.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import io.gatling.javaapi.http.HttpProtocolBuilder;

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
                        exec(http("connexion (page)").get("/connexion")
                                .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                        .exec(http("connexion (envoi)").post("/connexion")
                                .formParam("_csrf", "#{csrf}")
                                .formParam("username", "#{username}")
                                .formParam("password", PASSWORD)
                                // logged in: the page after the redirect offers « Se déconnecter »
                                .check(status().is(200),
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
