package fr.portailfamille.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Everyday load (issue 10, benchmark 2): {@code everyday.users} families (default 200) browsing at
 * the same time, each session logging in then visiting the home page, the planning, the invoices and
 * the messages {@code everyday.rounds} times, for {@code everyday.seconds}. Uses the same seeded
 * families as the opening rush (benchmarks/seed-rush.sql), in a circular feeder.
 */
public class EverydaySimulation extends Simulation {

    private static final int USERS = Integer.getInteger("everyday.users", 200);
    private static final int SECONDS = Integer.getInteger("everyday.seconds", 60);
    private static final int ROUNDS = Integer.getInteger("everyday.rounds", 5);

    private final HttpProtocolBuilder protocol = SeededFamilies.protocol("everyday load");

    private final ScenarioBuilder browse = scenario("Consultation quotidienne")
            .feed(csv(SeededFamilies.FEEDER).circular())
            .exec(SeededFamilies.login())
            .repeat(ROUNDS).on(
                    http("accueil").get("/").check(status().is(200)),
                    http("planning").get("/planning").check(status().is(200)),
                    http("facturation").get("/facturation").check(status().is(200)),
                    http("messagerie").get("/messagerie").check(status().is(200)));

    {
        setUp(browse.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(SECONDS + 120L));
    }
}
