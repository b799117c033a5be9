package fr.portailfamille.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Everyday load (docs/benchmarks.md): {@code everyday.users} families (default 200) logged in at
 * the same time, each browsing the home page, the planning, the invoices and the messages in turn
 * for {@code everyday.seconds}, with a think time between two pages ({@code everyday.thinkMillis},
 * default 2,000: a pause drawn between half and one and a half of it, as a parent reads a page).
 * The families log in during the first {@code everyday.loginSeconds} (default 20), so that the
 * figures of the pages are those of families already in, not of the password checks. Uses the
 * seeded families of the opening rush (benchmarks/seed-rush.sql), each family once.
 */
public class EverydaySimulation extends Simulation {

    private static final int USERS = Integer.getInteger("everyday.users", 200);
    private static final int SECONDS = Integer.getInteger("everyday.seconds", 60);
    private static final int LOGIN_SECONDS = Integer.getInteger("everyday.loginSeconds", 20);
    private static final int THINK_MILLIS = Integer.getInteger("everyday.thinkMillis", 2000);

    private final HttpProtocolBuilder protocol = SeededFamilies.protocol("everyday load");

    private static ChainBuilder think() {
        return THINK_MILLIS <= 0 ? exec(session -> session)
                : pause(Duration.ofMillis(THINK_MILLIS / 2), Duration.ofMillis(THINK_MILLIS * 3L / 2));
    }

    private final ScenarioBuilder browse = scenario("Consultation quotidienne")
            .feed(csv(SeededFamilies.FEEDER).circular())
            .exec(SeededFamilies.login())
            .during(Duration.ofSeconds(SECONDS)).on(
                    exec(http("accueil").get("/").check(status().is(200))).exec(think()),
                    exec(http("planning").get("/planning").check(status().is(200))).exec(think()),
                    exec(http("facturation").get("/facturation").check(status().is(200))).exec(think()),
                    exec(http("messagerie").get("/messagerie").check(status().is(200))).exec(think()));

    {
        setUp(browse.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(Math.max(1, LOGIN_SECONDS)))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(LOGIN_SECONDS + SECONDS + 120L));
    }
}
