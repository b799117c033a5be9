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

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The opening rush (docs/benchmarks.md): every seeded family (benchmarks/seed-rush.sql) logs in
 * through the real login form, opens the planning month, then for each of its two children opens
 * « Modifier » and saves the same five days through the real form with its CSRF token. Each family
 * runs once (queue feeder); the whole run is bounded by {@code bench.maxSeconds}.
 *
 * <p>System properties: {@code bench.baseUrl} (loopback only), {@code bench.feeder} (the seed's CSV),
 * {@code rush.families}, {@code rush.rampSeconds} (0 = all at the same instant), {@code rush.loginLeadSeconds}
 * (0 = they log in at the opening; N = they log in over the N seconds before it, then all book at the
 * opening instant), {@code rush.month},
 * {@code rush.days} (comma-separated ISO days of that month), {@code rush.password}.
 */
public class OpeningRushSimulation extends Simulation {

    private static final int FAMILIES = Integer.getInteger("rush.families", 2500);
    private static final int RAMP_SECONDS = Integer.getInteger("rush.rampSeconds", 1);
    /** 0: the families log in at the opening second; N: they log in during the N seconds before, then wait for it. */
    private static final int LOGIN_LEAD_SECONDS = Integer.getInteger("rush.loginLeadSeconds", 0);

    private static final int MAX_SECONDS = Integer.getInteger("bench.maxSeconds", 900);
    private static final String MONTH = System.getProperty("rush.month", "2026-12");
    private static final List<String> DAYS = Arrays.asList(
            System.getProperty("rush.days", "2026-12-21,2026-12-22,2026-12-23,2026-12-24,2026-12-28").split(","));

    private final HttpProtocolBuilder protocol = SeededFamilies.protocol("opening rush");

    private static ChainBuilder bookFiveDays(String childKey) {
        HttpRequestActionBuilder save = http("enregistrer 5 jours").post("/planning/modifier")
                .formParam("_csrf", "#{csrf}")
                .formParam("enfant", "#{" + childKey + "}")
                .formParam("activite", "#{activity}")
                .formParam("mois", MONTH);
        for (String day : DAYS) {
            save = save.formParam("jours", day);
        }
        return exec(SeededFamilies.throughTheRoom("modifier (page)", http("modifier (page)").get("/planning/modifier")
                        .queryParam("enfant", "#{" + childKey + "}").queryParam("activite", "#{activity}").queryParam("mois", MONTH),
                        status().is(200), css("#planning-form input[name=_csrf]", "value").saveAs("csrf")))
                .exitHereIfFailed()
                // the redirect back to the page shows the day-by-day report: the save went through (held in the
                // waiting room, it is saved when the family gets in, and the same report answers)
                .exec(SeededFamilies.throughTheRoom("enregistrer 5 jours", save, status().is(200), substring("Enregistré")));
    }

    /** The opening instant: now + the login lead (fixed when the simulation is built, just before it starts). */
    private final long openingMillis = System.currentTimeMillis() + 1000L * LOGIN_LEAD_SECONDS;

    private final ScenarioBuilder rush = scenario("Ouverture des réservations")
            .feed(csv(SeededFamilies.FEEDER).queue())
            .exec(SeededFamilies.login())
            // logged in before the opening: the family waits on its page until the bookings open
            .exec(SeededFamilies.waitUntil(openingMillis))
            .exec(SeededFamilies.throughTheRoom("planning du mois", http("planning du mois").get("/planning")
                    .queryParam("activite", "#{activity}").queryParam("mois", MONTH),
                    status().is(200), css("form[action='/deconnexion']").exists()))
            .exec(bookFiveDays("child1"))
            .exec(bookFiveDays("child2"));

    /** The waits in the room, for the order check ({@code bench.roomLog}). */
    @Override
    public void after() {
        RoomLog.write();
    }

    {
        // with a login lead, the families arrive (and log in) over the lead, then all book at the opening
        int arrivalSeconds = LOGIN_LEAD_SECONDS > 0 ? LOGIN_LEAD_SECONDS : RAMP_SECONDS;
        OpenInjectionStep injection = arrivalSeconds <= 0 ? atOnceUsers(FAMILIES)
                : rampUsers(FAMILIES).during(Duration.ofSeconds(arrivalSeconds));
        setUp(rush.injectOpen(injection))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(MAX_SECONDS));
    }
}
