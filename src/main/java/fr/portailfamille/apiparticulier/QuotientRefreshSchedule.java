package fr.portailfamille.apiparticulier;

import org.springframework.stereotype.Component;

/**
 * The timer start event of {@code quotientRefresh} reads its cron here ({@code ${quotientRefreshSchedule.cron}}),
 * and the pause between two batches ({@code ${quotientRefreshSchedule.pause}}, ISO 8601): public for the
 * expression language, not an API of the module.
 */
@Component("quotientRefreshSchedule")
public class QuotientRefreshSchedule {

    private final ApiParticulierProperties settings;

    QuotientRefreshSchedule(ApiParticulierProperties settings) {
        this.settings = settings;
    }

    public String getCron() {
        return settings.refresh().cron();
    }

    public String getPause() {
        return settings.refresh().pause().toString();
    }
}
