package fr.portailfamille.franceconnect;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who FranceConnect says signed in: the provider and its subject (the stable identifier of the person
 * for our client), the identity claims, and the ID token (kept only for « Se déconnecter », which ends
 * the FranceConnect session too).
 */
record FranceConnectIdentity(String issuer, String subject, String givenName, String familyName, String birthdate,
        String gender, String birthplace, String birthcountry, String email, String idToken) implements Serializable {

    static FranceConnectIdentity of(OidcUser user) {
        return new FranceConnectIdentity(user.getIssuer().toString(), user.getSubject(), user.getGivenName(),
                user.getFamilyName(), user.getClaimAsString("birthdate"), user.getClaimAsString("gender"),
                user.getClaimAsString("birthplace"), user.getClaimAsString("birthcountry"), user.getEmail(),
                user.getIdToken().getTokenValue());
    }

    /** « Marie DUPONT », as FranceConnect gives it. */
    String fullName() {
        return ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
    }

    /** « Mme » or « M. » from the {@code gender} claim ({@code female} / {@code male}), null otherwise. */
    String civility() {
        return "female".equals(gender) ? "Mme" : "male".equals(gender) ? "M." : null;
    }

    /** The birth date, when FranceConnect gave a full one (it may give only a year for some people). */
    LocalDate birthDate() {
        try {
            return birthdate == null ? null : LocalDate.parse(birthdate);
        } catch (DateTimeParseException partial) {
            return null;
        }
    }
}
