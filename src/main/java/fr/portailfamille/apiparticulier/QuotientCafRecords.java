package fr.portailfamille.apiparticulier;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

/** What the page « Quotient familial CAF / MSA » shows (public for the templates' expressions). */
public final class QuotientCafRecords {

    private QuotientCafRecords() {}

    /** A family's consent; {@code revokedAt} set when withdrawn. The typed identity is null for a FranceConnect family. */
    public record Consent(long familyFileId, OffsetDateTime acceptedAt, String acceptedBy, OffsetDateTime revokedAt,
            String birthName, String firstNames, String sex, LocalDate birthDate, String birthCommune, String birthCountry) {

        public boolean active() {
            return revokedAt == null;
        }

        /** The identity typed by the family, if it typed one. */
        Optional<AllocataireIdentity> typedIdentity() {
            if (birthName == null || firstNames == null || sex == null) {
                return Optional.empty();
            }
            return Optional.of(new AllocataireIdentity(birthName, Arrays.stream(firstNames.trim().split("\\s+")).toList(), sex,
                    birthDate, birthCommune, birthCountry, AllocataireIdentity.Source.DOSSIER));
        }
    }

    /** What a fetch did, for the page and the yearly report. */
    public enum Result { FOUND, UNCHANGED, NOT_FOUND, AMBIGUOUS, UNAVAILABLE, NO_CONSENT, NO_IDENTITY, OFF }

    /** The last call, as the family sees it ({@code outcome}: FOUND, NOT_FOUND, AMBIGUOUS or UNAVAILABLE). */
    public record LastFetch(OffsetDateTime fetchedAt, String outcome, String provider, Integer value,
            Integer referenceYear, Integer referenceMonth, LocalDate appliesFrom) {}

    /** A fetch's result, with the quotient before and after (null when none); kept one request in the session. */
    public record Fetched(Result result, Integer before, Integer after, LocalDate appliesFrom) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
