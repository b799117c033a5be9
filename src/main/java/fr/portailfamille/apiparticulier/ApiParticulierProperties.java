package fr.portailfamille.apiparticulier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The town's access to API Particulier ({@code API_PARTICULIER_*} environment variables): off unless
 * the base URL and the token are set, or the local fake plays it ({@code local}, {@code test}).
 *
 * @param url        base URL, {@code https://particulier.api.gouv.fr} in production
 * @param token      the town's access token (given when its « habilitation » is accepted), never in the repository
 * @param recipient  the SIRET of the town, sent as {@code recipient} (the organisation the data is for)
 * @param timeout    how long one call may last; beyond, the API counts as unavailable
 * @param fromNextMonth a quotient read on any day applies from the first day of the next month ({@code true},
 *                   the default) or of the current month
 * @param refresh    the yearly refresh: families asked per job, and the pause between two jobs
 */
@ConfigurationProperties("portal.api-particulier")
record ApiParticulierProperties(String url, String token, @DefaultValue("") String recipient,
        @DefaultValue("PT10S") Duration timeout, @DefaultValue("true") boolean fromNextMonth,
        @DefaultValue Refresh refresh, @DefaultValue Simulator simulator) {

    /** Batches of the yearly refresh: {@code batchSize} calls, then {@code pause} (the API allows 20 calls a second per token). */
    record Refresh(@DefaultValue("10") int batchSize, @DefaultValue("PT2S") Duration pause,
            @DefaultValue("0 0 6 15 1 ?") String cron) {}

    /** The fake API Particulier on this machine ({@code local} and {@code test} profiles only). */
    record Simulator(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {}

    boolean configured() {
        return url != null && !url.isBlank() && token != null && !token.isBlank();
    }
}
