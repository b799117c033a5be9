/**
 * « Dites-le-nous une fois »: with the family's consent (given and revoked in « Mon dossier »), the
 * quotient familial is read from API Particulier (CAF or MSA) instead of an uploaded attestation, and
 * stored in the family's quotients from the month the town's rule says; the yearly refresh in January
 * (process {@code quotientRefresh}) asks again for every consenting family. In the {@code local} and
 * {@code test} profiles a WireMock server on this machine plays API Particulier.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API Particulier",
        allowedDependencies = {"family", "franceconnect", "activity", "staff", "system", "system :: *"})
package fr.portailfamille.apiparticulier;
