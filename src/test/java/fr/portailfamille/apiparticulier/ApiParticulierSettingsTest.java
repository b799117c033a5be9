package fr.portailfamille.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.ApplicationSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * API Particulier by the environment variables only (application.yml bound as on a node, no fake API): off
 * without the base URL and the token, on with them; the town's SIRET, the timeout and the yearly refresh's
 * schedule and pace read from their variables, with their documented defaults.
 */
class ApiParticulierSettingsTest {

    @Test
    void offWithoutTheUrlAndTheToken() {
        assertThat(apiParticulier(Map.of()).enabled()).isFalse();
        assertThat(apiParticulier(Map.of("API_PARTICULIER_URL", "https://particulier.api.gouv.fr")).enabled()).isFalse();
        ApiParticulierProperties defaults = settings(Map.of());
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.fromNextMonth()).isTrue();
        assertThat(defaults.refresh().cron()).isEqualTo("0 0 6 15 1 ?");
        assertThat(defaults.refresh().batchSize()).isEqualTo(10);
    }

    @Test
    void onWithTheTownsAccess() {
        Map<String, Object> town = Map.of("API_PARTICULIER_URL", "https://particulier.api.gouv.fr",
                "API_PARTICULIER_TOKEN", "jeton-de-la-commune", "API_PARTICULIER_RECIPIENT", "00000000000000",
                "API_PARTICULIER_TIMEOUT", "PT5S", "API_PARTICULIER_REFRESH_BATCH_SIZE", "20");
        assertThat(apiParticulier(town).enabled()).isTrue();
        ApiParticulierProperties settings = settings(town);
        assertThat(settings.recipient()).isEqualTo("00000000000000");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.refresh().batchSize()).isEqualTo(20);
    }

    private static ApiParticulierProperties settings(Map<String, Object> environment) {
        return ApplicationSettings.with(environment).bind("portal.api-particulier", ApiParticulierProperties.class).get();
    }

    private static ApiParticulier apiParticulier(Map<String, Object> environment) {
        return new ApiParticulierConfiguration().apiParticulier(settings(environment),
                new StaticListableBeanFactory().getBeanProvider(ApiParticulierSimulator.class));
    }
}
