package fr.portailfamille.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
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

    /** The login page, then the form posted with its token; a family whose login fails stops there. */
    static ChainBuilder login() {
        return exec(http("connexion (page)").get("/connexion")
                        .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                .exitHereIfFailed()
                .exec(http("connexion (envoi)").post("/connexion")
                        .formParam("_csrf", "#{csrf}")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        // logged in: the page after the redirect offers « Se déconnecter »
                        .check(status().is(200), css("form[action='/deconnexion']").exists()))
                // a family whose login failed (refused or timed out) never reaches a page as anonymous
                .exitHereIfFailed();
    }
}
