package fr.portailfamille.apiparticulier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.beans.factory.DisposableBean;

/**
 * API Particulier played on this machine (127.0.0.1 only) by WireMock, for the zero-setup run and the
 * tests: the quotient familial endpoint answers like the published API and its staging examples
 * (see {@link QuotientApi}), chosen by the birth name asked:
 * <ul>
 * <li>any name: found at the CAF (CNAF), quotient 920 of November 2026 (the demo « Marie DUPONT »);</li>
 * <li>{@code AGRICOLE}: found at the MSA, quotient 150;</li>
 * <li>{@code INCONNU}: 404, no file;</li>
 * <li>{@code HOMONYME}: 409, several people;</li>
 * <li>{@code INDISPONIBLE}: 503, the provider is down;</li>
 * <li>{@code LENTEUR}: an answer after 15 seconds (beyond the tests' timeout of 10 seconds);</li>
 * <li>another token than the town's: 401.</li>
 * </ul>
 * A test adds its own answers on {@link #server()}.
 */
class ApiParticulierSimulator implements DisposableBean {

    static final String TOKEN = "jeton-local-non-confidentiel";

    private final WireMockServer server;

    ApiParticulierSimulator(int port) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port)
                .maxRequestJournalEntries(1000));
        server.start();
        server.stubFor(asked().atPriority(10).willReturn(json(200, found("CNAF", 920, 2026, 11))));
        server.stubFor(asked("AGRICOLE").willReturn(json(200, found("MSA", 150, 2026, 11))));
        server.stubFor(asked("INCONNU").willReturn(json(404, error("37003", "Dossier allocataire absent",
                "Aucun dossier allocataire n'a été trouvé pour cette identité."))));
        server.stubFor(asked("HOMONYME").willReturn(json(409, error("37004", "Plusieurs allocataires",
                "Plusieurs dossiers correspondent à cette identité."))));
        server.stubFor(asked("INDISPONIBLE").willReturn(json(503, error("37999", "Fournisseur indisponible",
                "Le fournisseur de données est momentanément indisponible."))));
        server.stubFor(asked("LENTEUR").willReturn(json(200, found("CNAF", 500, 2026, 11)).withFixedDelay(15000)));
        server.stubFor(get(urlPathEqualTo(QuotientApi.PATH)).atPriority(1)
                .withHeader("Authorization", notContaining(TOKEN))
                .willReturn(json(401, error("50002", "Jeton non valide", "Le jeton d'accès n'est pas valide."))));
        warmUp();
    }

    /** One request at start, so the first family's call does not pay the server's first-request set-up. */
    private void warmUp() {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/__admin/mappings")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the fake API Particulier does not answer on " + baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer server() {
        return server;
    }

    static MappingBuilder asked() {
        return get(urlPathEqualTo(QuotientApi.PATH));
    }

    static MappingBuilder asked(String birthName) {
        return asked().atPriority(5).withQueryParam("nomNaissance", equalTo(birthName));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A found quotient, shaped like the published answer (allocataires, enfants and adresse left out of our fake). */
    static String found(String provider, int value, int year, int month) {
        return """
                {"data": {"allocataires": [], "enfants": [], "adresse": null,
                  "quotient_familial": {"fournisseur": "%s", "valeur": %d, "annee": %d, "mois": %d,
                    "annee_calcul": %d, "mois_calcul": %d}},
                 "links": {}, "meta": {}}""".formatted(provider, value, year, month, year, month);
    }

    static String error(String code, String title, String detail) {
        return """
                {"errors": [{"code": "%s", "title": "%s", "detail": "%s", "source": null, "meta": {"provider": "CNAV"}}]}"""
                .formatted(code, title, detail);
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
