package fr.portailfamille.debit;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * The checks of the account data of a mandate, in French: the IBAN by iban4j (country known, length
 * and format of that country, check digits), the country within the SEPA scheme, the BIC's format
 * and country, the creditor identifier's checksum; and the IBAN as shown on pages, mails and PDFs
 * (masked but its last four characters).
 */
final class SepaAccounts {

    /**
     * Countries and territories of the SEPA scheme with an IBAN of their own (EU, EEA, Switzerland,
     * the United Kingdom, Monaco, San Marino, Vatican, Andorra).
     */
    static final Set<String> SEPA_COUNTRIES = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB", "MC",
            "SM", "VA", "AD", "GI");

    private SepaAccounts() {}

    /** The IBAN as typed, without spaces, in capitals. */
    static String normalized(String iban) {
        return iban == null ? "" : iban.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** What is wrong with this IBAN, in French; empty when it can be debited. */
    static Optional<String> ibanProblem(String typed) {
        String iban = normalized(typed);
        if (iban.isEmpty()) {
            return Optional.of("Saisissez l'IBAN du compte à débiter.");
        }
        String country = iban.length() >= 2 ? iban.substring(0, 2) : iban;
        try {
            IbanUtil.validate(iban);
        } catch (UnsupportedCountryException e) {
            return Optional.of(unknownCountry(country));
        } catch (InvalidCheckDigitException e) {
            return Optional.of("La clé de contrôle de cet IBAN ne correspond pas à ses chiffres : vérifiez-le sur votre RIB (une erreur de frappe ?).");
        } catch (IbanFormatException e) {
            return Optional.of(switch (e.getFormatViolation()) {
                case COUNTRY_CODE_EXISTS, COUNTRY_CODE_TWO_LETTERS, COUNTRY_CODE_UPPER_CASE_LETTERS, COUNTRY_CODE_NOT_NULL -> unknownCountry(country);
                case BBAN_LENGTH -> "Cet IBAN n'a pas la bonne longueur : un IBAN " + countryName(country) + " compte "
                        + lengthOf(country) + " caractères, celui-ci " + iban.length() + ".";
                case IBAN_VALID_CHARACTERS, BBAN_ONLY_DIGITS, BBAN_ONLY_UPPER_CASE_LETTERS, BBAN_ONLY_DIGITS_OR_LETTERS, BBAN_INVALID_ENTRY_TYPE,
                        CHECK_DIGIT_ONLY_DIGITS, CHECK_DIGIT_TWO_DIGITS ->
                        "Cet IBAN contient des caractères inattendus : recopiez-le tel qu'il figure sur votre RIB.";
                default -> "Cet IBAN n'est pas valide : recopiez-le tel qu'il figure sur votre RIB.";
            });
        }
        if (!SEPA_COUNTRIES.contains(country)) {
            return Optional.of("Le prélèvement SEPA n'est possible que sur un compte d'un pays de la zone SEPA (ce compte est au pays « "
                    + country + " »).");
        }
        return Optional.empty();
    }

    /** What is wrong with this BIC for this IBAN, in French; empty when it is blank (not asked) or right. */
    static Optional<String> bicProblem(String typedBic, String iban) {
        String bic = typedBic == null ? "" : typedBic.strip().toUpperCase(Locale.ROOT);
        if (bic.isEmpty()) {
            return Optional.empty();
        }
        try {
            BicUtil.validate(bic);
        } catch (BicFormatException | UnsupportedCountryException e) {
            return Optional.of("Ce BIC n'est pas valide : 8 ou 11 lettres et chiffres, par exemple AGRIFRPP ou AGRIFRPP882.");
        }
        String ibanCountry = normalized(iban).length() >= 2 ? normalized(iban).substring(0, 2) : "";
        String bicCountry = BicUtil.getCountryCode(bic);
        if (!ibanCountry.isEmpty() && !bicCountry.equals(ibanCountry) && !(ibanCountry.equals("MC") && bicCountry.equals("FR"))) {
            return Optional.of("Ce BIC est celui d'une banque d'un autre pays (« " + bicCountry + " ») que l'IBAN (« " + ibanCountry + " »).");
        }
        return Optional.empty();
    }

    /** The bank of an IBAN (the national bank code), to tell a change of bank from a change of account. */
    static String bankOf(String iban) {
        try {
            return IbanUtil.getBankCode(normalized(iban));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The IBAN masked but its last four characters, in groups of four: {@code **** **** **** **** **** ***0 309}. */
    static String masked(String iban) {
        String plain = normalized(iban);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(i < plain.length() - 4 ? '*' : plain.charAt(i));
        }
        return out.toString();
    }

    /**
     * A SEPA creditor identifier (« ICS »): country, two check digits, a three-character business
     * code (not in the checksum), the national identifier; check digits computed like an IBAN's
     * (ISO 7064 mod 97-10) on the national identifier followed by the country and « 00 ».
     */
    static boolean isCreditorIdentifier(String id) {
        if (id == null || !id.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}")) {
            return false;
        }
        String rearranged = id.substring(7) + id.substring(0, 2) + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return Integer.parseInt(id.substring(2, 4)) == check;
    }

    private static String unknownCountry(String country) {
        return "Le pays « " + country + " » de cet IBAN est inconnu : un IBAN commence par le code de son pays (FR pour la France).";
    }

    private static String countryName(String country) {
        return country.equals("FR") ? "français" : "de ce pays (" + country + ")";
    }

    private static int lengthOf(String country) {
        try {
            return IbanUtil.getIbanLength(org.iban4j.CountryCode.getByCode(country));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
