package fr.portailfamille.apiparticulier;

import java.time.LocalDate;
import java.util.List;

/**
 * Who API Particulier looks for: the « identité pivot » of the allocataire (or of the other adult of the
 * CAF or MSA file), as FranceConnect gives it or as the family typed it.
 *
 * @param sex           {@code F} or {@code M} ({@code sexeEtatCivil})
 * @param birthCommune  INSEE code of the commune of birth (born in France), else null
 * @param birthCountry  INSEE code of the country of birth, {@code 99100} for France
 */
record AllocataireIdentity(String birthName, List<String> firstNames, String sex, LocalDate birthDate,
        String birthCommune, String birthCountry, Source source) {

    enum Source { FRANCECONNECT, DOSSIER }
}
