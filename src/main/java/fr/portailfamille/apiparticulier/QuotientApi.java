package fr.portailfamille.apiparticulier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The client of API Particulier's « Quotient familial CAF & MSA » endpoint, version 3, called with the
 * allocataire's identity: {@code GET /v3/dss/quotient_familial/identite} with the town's token as
 * {@code Authorization: Bearer}, the town's SIRET as {@code recipient} and the identity as parameters
 * ({@code nomNaissance}, {@code prenoms[]}, {@code sexeEtatCivil}, {@code anneeDateNaissance},
 * {@code moisDateNaissance}, {@code jourDateNaissance}, {@code codeCogInseeCommuneNaissance},
 * {@code codeCogInseePaysNaissance}). The answer's {@code data.quotient_familial} gives
 * {@code fournisseur} (CNAF or MSA), {@code valeur}, {@code annee} and {@code mois}; errors come as
 * {@code errors[]} with a code, a title and a detail.
 *
 * <p>Published documentation: https://particulier.api.gouv.fr/developpeurs/openapi (the OpenAPI
 * description), https://www.data.gouv.fr/dataservices/api-quotient-familial-msa-caf-bouquet-api-particulier
 * (the API's page: 20 calls per second per token), and the API's staging examples, request by request,
 * https://github.com/etalab/siade_staging_data/tree/develop/payloads/api_particulier_v3_cnav_quotient_familial_with_civility
 */
class QuotientApi {

    static final String PATH = "/v3/dss/quotient_familial/identite";
    private static final Logger log = LoggerFactory.getLogger(QuotientApi.class);

    private final ApiParticulierProperties settings;
    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    QuotientApi(ApiParticulierProperties settings, String baseUrl) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    QuotientAnswer ask(AllocataireIdentity who) {
        QuotientAnswer answer = call(who);
        if (answer instanceof QuotientAnswer.Unavailable unavailable) {
            log.warn("API Particulier indisponible : {}", unavailable.reason());
        }
        return answer;
    }

    private QuotientAnswer call(AllocataireIdentity who) {
        HttpRequest request = HttpRequest.newBuilder(uri(who)).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token()).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return read(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new QuotientAnswer.Unavailable("délai dépassé");
        } catch (IOException e) {
            return new QuotientAnswer.Unavailable("injoignable : " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new QuotientAnswer.Unavailable("interrompu");
        }
    }

    URI uri(AllocataireIdentity who) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl).path(PATH)
                .queryParam("recipient", settings.recipient())
                .queryParam("nomNaissance", who.birthName());
        who.firstNames().forEach(first -> uri.queryParam("prenoms[]", first));
        uri.queryParam("sexeEtatCivil", who.sex());
        if (who.birthDate() != null) {
            uri.queryParam("anneeDateNaissance", who.birthDate().getYear())
                    .queryParam("moisDateNaissance", who.birthDate().getMonthValue())
                    .queryParam("jourDateNaissance", who.birthDate().getDayOfMonth());
        }
        if (who.birthCommune() != null) {
            uri.queryParam("codeCogInseeCommuneNaissance", who.birthCommune());
        }
        if (who.birthCountry() != null) {
            uri.queryParam("codeCogInseePaysNaissance", who.birthCountry());
        }
        return uri.encode().build().toUri();
    }

    private QuotientAnswer read(int status, String body) {
        if (status == 404) {
            return new QuotientAnswer.NotFound();
        }
        // the API answers 409 when the identity matches several people of the CAF or MSA files
        if (status == 409) {
            return new QuotientAnswer.Ambiguous();
        }
        if (status == 400 || status == 422) {
            // an identity the API refuses to look for (a missing birth date, a wrong INSEE code): nobody is found
            log.info("API Particulier : identité refusée ({}) {}", status, errorOf(body));
            return new QuotientAnswer.NotFound();
        }
        if (status != 200) {
            if (status == 401 || status == 403) {
                log.error("API Particulier refuse le jeton de la commune ({}) : {}", status, errorOf(body));
            }
            return new QuotientAnswer.Unavailable("HTTP " + status + " " + errorOf(body));
        }
        try {
            JsonNode qf = json.readTree(body).path("data").path("quotient_familial");
            if (!qf.path("valeur").canConvertToInt() || qf.path("valeur").asInt() < 0) {
                return new QuotientAnswer.Unavailable("réponse sans quotient familial");
            }
            String provider = switch (qf.path("fournisseur").asText()) {
                case "CNAF", "CAF" -> "CAF";
                case "MSA" -> "MSA";
                default -> null;
            };
            int month = qf.path("mois").asInt();
            if (provider == null || month < 1 || month > 12 || qf.path("annee").asInt() < 1900) {
                return new QuotientAnswer.Unavailable("réponse illisible");
            }
            return new QuotientAnswer.Found(qf.path("valeur").asInt(), provider, qf.path("annee").asInt(), month);
        } catch (IOException e) {
            return new QuotientAnswer.Unavailable("réponse illisible");
        }
    }

    private String errorOf(String body) {
        try {
            JsonNode error = json.readTree(body).path("errors").path(0);
            return error.path("code").asText() + " " + error.path("title").asText();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
