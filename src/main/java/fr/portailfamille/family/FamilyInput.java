package fr.portailfamille.family;

import fr.portailfamille.system.validation.FrenchPhone;
import fr.portailfamille.system.web.DateParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The checks of what families and agents type: French phone numbers, e-mails, dates, free text. */
final class FamilyInput {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{5}$");

    static final String PHONE_MESSAGE = "Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.";
    static final String EMAIL_MESSAGE = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.";

    private FamilyInput() {}

    /** 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033 6… (the rule of {@link FrenchPhone}). */
    static boolean isFrenchPhone(String value) {
        return FrenchPhone.Check.isFrenchPhone(value);
    }

    static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    static boolean isPostalCode(String value) {
        return value != null && POSTAL_CODE.matcher(value).matches();
    }

    /** Trimmed text, or null when blank. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A date typed as yyyy-MM-dd (HTML date input) or dd/MM/yyyy, between 1900 and 2199; null otherwise. */
    static LocalDate date(String value) {
        String text = clean(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = text.matches("\\d{2}/\\d{2}/\\d{4}") ? LocalDate.parse(text, fr.portailfamille.system.PortalTime.DATE)
                    : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            // a year the portal does not deal with (9999) reads as unreadable: the form says so in French
            return DateParameters.inRange(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An uploaded file's name without any path, with only letters, digits, spaces, dots, dashes and underscores. */
    static String sanitizedFileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^\\p{L}\\p{N} ._-]", "_").replaceAll("^[.\\s]+", "").strip();
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return name.isEmpty() ? "document" : name;
    }
}
