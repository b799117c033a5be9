package fr.portailfamille.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each answer API Particulier can give, read by the client against the fake API (WireMock) on this machine:
 * found at the CAF or the MSA, no file (404, and the 400 and 422 of an identity the API refuses to look for),
 * several people (409), the provider down (503), too many calls (429), a token refused (401), an answer too
 * slow, unreadable, or with a provider or a value the portal cannot take: only a well-formed quotient is found.
 */
class QuotientApiTest {

    private static ApiParticulierSimulator fake;

    @BeforeAll
    static void start() {
        fake = new ApiParticulierSimulator(0);
        fake.server().stubFor(ApiParticulierSimulator.asked("REFUSEE").willReturn(ApiParticulierSimulator.json(400,
                ApiParticulierSimulator.error("00201", "Entité non traitable", "Le code INSEE de la commune de naissance est invalide."))));
        fake.server().stubFor(ApiParticulierSimulator.asked("NONTRAITABLE").willReturn(ApiParticulierSimulator.json(422,
                ApiParticulierSimulator.error("00210", "Entité non traitable", "La date de naissance est incomplète."))));
        fake.server().stubFor(ApiParticulierSimulator.asked("QUOTA").willReturn(ApiParticulierSimulator.json(429,
                ApiParticulierSimulator.error("00429", "Trop de requêtes", "Vous avez dépassé la limite de requêtes."))));
        fake.server().stubFor(ApiParticulierSimulator.asked("ILLISIBLE").willReturn(ApiParticulierSimulator.json(200, "<html>maintenance</html>")));
        fake.server().stubFor(ApiParticulierSimulator.asked("ETRANGER")
                .willReturn(ApiParticulierSimulator.json(200, ApiParticulierSimulator.found("CNAV", 500, 2026, 11))));
        fake.server().stubFor(ApiParticulierSimulator.asked("NEGATIF")
                .willReturn(ApiParticulierSimulator.json(200, ApiParticulierSimulator.found("CNAF", -5, 2026, 11))));
        fake.server().stubFor(ApiParticulierSimulator.asked("MOISFAUX")
                .willReturn(ApiParticulierSimulator.json(200, ApiParticulierSimulator.found("MSA", 300, 2026, 13))));
        fake.server().stubFor(ApiParticulierSimulator.asked("LENT")
                .willReturn(ApiParticulierSimulator.json(200, ApiParticulierSimulator.found("CNAF", 500, 2026, 11)).withFixedDelay(3000)));
    }

    @AfterAll
    static void stop() {
        fake.destroy();
    }

    @Test
    void eachAnswerHasItsOutcome() {
        Map<String, QuotientAnswer> expected = new LinkedHashMap<>();
        expected.put("DUPONT", new QuotientAnswer.Found(920, "CAF", 2026, 11));
        expected.put("AGRICOLE", new QuotientAnswer.Found(150, "MSA", 2026, 11));
        expected.put("INCONNU", new QuotientAnswer.NotFound());
        expected.put("REFUSEE", new QuotientAnswer.NotFound());
        expected.put("NONTRAITABLE", new QuotientAnswer.NotFound());
        expected.put("HOMONYME", new QuotientAnswer.Ambiguous());
        QuotientApi api = api(ApiParticulierSimulator.TOKEN, Duration.ofSeconds(10));
        expected.forEach((name, answer) -> assertThat(api.ask(who(name))).as(name).isEqualTo(answer));

        for (String unavailable : List.of("INDISPONIBLE", "QUOTA", "ILLISIBLE", "ETRANGER", "NEGATIF", "MOISFAUX")) {
            assertThat(api.ask(who(unavailable))).as(unavailable).isInstanceOf(QuotientAnswer.Unavailable.class);
        }
    }

    @Test
    void aRefusedTokenOrATooSlowAnswerCountsAsUnavailable() {
        QuotientAnswer refused = api("jeton-revoque", Duration.ofSeconds(10)).ask(who("DUPONT"));
        assertThat(refused).isInstanceOf(QuotientAnswer.Unavailable.class);
        assertThat(((QuotientAnswer.Unavailable) refused).reason()).startsWith("HTTP 401");

        QuotientAnswer slow = api(ApiParticulierSimulator.TOKEN, Duration.ofSeconds(1)).ask(who("LENT"));
        assertThat(slow).isEqualTo(new QuotientAnswer.Unavailable("délai dépassé"));
    }

    private static QuotientApi api(String token, Duration timeout) {
        ApiParticulierProperties settings = new ApiParticulierProperties(fake.baseUrl(), token, "00000000000000", timeout, true,
                new ApiParticulierProperties.Refresh(10, Duration.ofSeconds(2), "0 0 6 15 1 ?"),
                new ApiParticulierProperties.Simulator(false, 0));
        return new QuotientApi(settings, fake.baseUrl());
    }

    private static AllocataireIdentity who(String birthName) {
        return new AllocataireIdentity(birthName, List.of("MARIE"), "F", LocalDate.of(1985, 4, 12), "59350", "99100",
                AllocataireIdentity.Source.DOSSIER);
    }
}
