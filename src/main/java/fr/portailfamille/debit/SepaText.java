package fr.portailfamille.debit;

import java.text.Normalizer;

/**
 * Text as the SEPA scheme accepts it: the Latin characters {@code a-z A-Z 0-9 / - ? : ( ) . , ' +}
 * and space. Accents are transliterated (« Élodie Câlin » → « Elodie Calin », « Œ » → « OE »),
 * anything else becomes a space, and the text is cut to the field's length.
 */
final class SepaText {

    private SepaText() {}

    static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String spelled = text.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae").replace("ß", "ss")
                .replace("’", "'").replace("«", "").replace("»", "").replace("&", "+").replace("_", "-");
        String plain = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String allowed = plain.replaceAll("[^a-zA-Z0-9/\\-?:().,'+ ]", " ").replaceAll(" {2,}", " ").strip();
        return allowed.length() <= maxLength ? allowed : allowed.substring(0, maxLength).strip();
    }
}
