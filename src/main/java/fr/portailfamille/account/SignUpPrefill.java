package fr.portailfamille.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an identity provider vouches for, offered as the start of a sign-up (« Créer mon compte »
 * after a first FranceConnect sign-in): the family still checks and completes every field, and
 * chooses its user name and password.
 *
 * @param civility  « Mme », « M. » or null
 * @param birthDate shown beside the names, never typed again; null when the provider gave none
 */
public record SignUpPrefill(String civility, String lastName, String firstName, String email, LocalDate birthDate)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
