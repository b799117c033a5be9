package fr.portailfamille.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Process starts (docs/benchmarks.md, benchmark 4): every seeded family (benchmarks/seed-rush.sql, then
 * benchmarks/seed-prereg.sql for the activity asked for) logs in through the real login form, opens
 * « Inscrire » for its first child and posts the real form (CSRF and one-time tokens, two weekdays): each post
 * records a PENDING registration and starts a {@code preRegistration} process instance. The
 * redirect shows « est enregistrée », which is checked. A family the waiting room holds (when the script
 * keeps it on) waits for its number as a browser would. Each family runs once; the run is bounded.
 *
 * <p>System properties: {@code bench.baseUrl} (loopback only), {@code bench.feeder},
 * {@code prereg.families}, {@code prereg.rampSeconds} (the families log in over it, then all submit
 * {@code prereg.loginSlackSeconds} after its end; 0 = all log in at once), {@code prereg.activity}
 * (the id of the activity asked for), {@code rush.password}.
 */
public class PreRegistrationSimulation extends Simulation {

    private static final int FAMILIES = Integer.getInteger("prereg.families", 1000);
    private static final int RAMP_SECONDS = Integer.getInteger("prereg.rampSeconds", 10);
    private static final int MAX_SECONDS = Integer.getInteger("bench.maxSeconds", 900);
    private static final String ACTIVITY = System.getProperty("prereg.activity", "0");

    /** Time left after the ramp for the last families' logins (retries included) before the starts. */
    private static final int LOGIN_SLACK_SECONDS = Integer.getInteger("prereg.loginSlackSeconds", 20);

    /**
     * The families log in during the ramp and the slack after it, then all ask at the same instant: the
     * starts then measure what the application can take, not the pace of the logins (bcrypt, see
     * docs/benchmarks.md).
     */
    private final long openingMillis = System.currentTimeMillis() + 1000L * (Math.max(0, RAMP_SECONDS) + LOGIN_SLACK_SECONDS);

    private final ScenarioBuilder preRegister = scenario("Pré-inscriptions")
            .feed(csv(SeededFamilies.FEEDER).queue())
            .exec(SeededFamilies.login())
            .exec(SeededFamilies.waitUntil(openingMillis))
            .exec(SeededFamilies.throughTheRoom("inscrire (page)", http("inscrire (page)").get("/inscriptions/inscrire")
                            .queryParam("activite", ACTIVITY).queryParam("enfant", "#{child1}"),
                    status().is(200), css("#form-inscription input[name=_csrf]", "value").saveAs("csrf"),
                    // the form's one-time token (done once however often it is sent), as a browser sends it
                    css("#form-inscription input[name=_formulaire]", "value").saveAs("once")))
            .exitHereIfFailed()
            .exec(SeededFamilies.throughTheRoom("inscrire (envoi)", http("inscrire (envoi)").post("/inscriptions/inscrire")
                            .formParam("_csrf", "#{csrf}")
                            .formParam("_formulaire", "#{once}")
                            .formParam("activite", ACTIVITY)
                            .formParam("enfant", "#{child1}")
                            .formParam("jours", "MONDAY")
                            .formParam("jours", "THURSDAY"),
                    // the redirect to « Mes inscriptions » says the request is recorded
                    status().is(200), substring("est enregistrée")));

    {
        OpenInjectionStep injection = RAMP_SECONDS <= 0 ? atOnceUsers(FAMILIES)
                : rampUsers(FAMILIES).during(Duration.ofSeconds(RAMP_SECONDS));
        setUp(preRegister.injectOpen(injection))
                .protocols(SeededFamilies.protocol("pre-registrations"))
                .maxDuration(Duration.ofSeconds(MAX_SECONDS));
    }
}
