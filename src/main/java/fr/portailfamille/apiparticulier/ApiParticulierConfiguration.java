package fr.portailfamille.apiparticulier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiParticulierProperties.class)
class ApiParticulierConfiguration {

    @Bean(destroyMethod = "destroy")
    @Profile({"local", "test"})
    @ConditionalOnProperty(name = "portal.api-particulier.simulator.enabled", havingValue = "true")
    ApiParticulierSimulator apiParticulierSimulator(ApiParticulierProperties settings) {
        return new ApiParticulierSimulator(settings.simulator().port());
    }

    /** The town's API Particulier when configured, else the local fake when it runs, else none (off). */
    @Bean
    ApiParticulier apiParticulier(ApiParticulierProperties settings, ObjectProvider<ApiParticulierSimulator> simulator) {
        if (settings.configured()) {
            return new ApiParticulier(new QuotientApi(settings, settings.url()));
        }
        ApiParticulierSimulator local = simulator.getIfAvailable();
        if (local == null) {
            return new ApiParticulier(null);
        }
        ApiParticulierProperties fake = new ApiParticulierProperties(local.baseUrl(), ApiParticulierSimulator.TOKEN,
                settings.recipient().isBlank() ? "00000000000000" : settings.recipient(), settings.timeout(),
                settings.fromNextMonth(), settings.refresh(), settings.simulator());
        return new ApiParticulier(new QuotientApi(fake, local.baseUrl()));
    }
}
