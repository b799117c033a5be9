package fr.portailfamille.apiparticulier;

import java.util.Optional;

/**
 * The town's access to API Particulier, or none: read by the pages ({@code ${@apiParticulier.enabled()}})
 * to offer the consent only when the quotient can be fetched.
 */
public class ApiParticulier {

    private final QuotientApi api;

    ApiParticulier(QuotientApi api) {
        this.api = api;
    }

    public boolean enabled() {
        return api != null;
    }

    Optional<QuotientApi> api() {
        return Optional.ofNullable(api);
    }
}
