package fr.portailfamille.account;

import fr.portailfamille.system.validation.FrenchPhone;
import fr.portailfamille.system.validation.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The fields of the wizard's first step, as typed and trimmed (the password fields are never sent
 * back). What a field must look like is said here; what needs the accounts (an e-mail or a user
 * name already taken, the password policy) is checked by {@link SignUpService#saveIdentity}.
 */
record SignUpIdentity(
        @Pattern(regexp = "Mme|M\\.", message = "Choisissez votre civilité.")
        String civility,
        @NotBlank(message = "Saisissez votre nom.") @SingleLine(max = 100)
        String lastName,
        @NotBlank(message = "Saisissez votre prénom.") @SingleLine(max = 100)
        String firstName,
        @Pattern(regexp = "(?=.{1,254}$)[^\\s@]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
                message = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")
        String email,
        @NotBlank(message = PHONE) @FrenchPhone(message = PHONE)
        String phone,
        @Pattern(regexp = "[A-Za-z0-9._-]{3,50}",
                message = "Le nom d'utilisateur doit faire de 3 à 50 caractères : lettres sans accent, chiffres, point, tiret ou souligné.")
        String username,
        String password,
        String passwordConfirmation) {

    static final String PHONE = "Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78.";

    SignUpIdentity {
        civility = trim(civility);
        lastName = trim(lastName);
        firstName = trim(firstName);
        email = trim(email);
        phone = trim(phone);
        username = trim(username);
    }

    static SignUpIdentity of(SignUpDraft draft) {
        return new SignUpIdentity(draft.civility, draft.lastName, draft.firstName, draft.email, draft.phone,
                draft.username, null, null);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
