package fr.portailfamille.dunning;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The town's words for its reminders ({@code portal.dunning.wording.*}): the subject and paragraphs of
 * each reminder kind, and three shared sentences, with {@code {placeholders}} the portal fills in.
 * The defaults in {@code application.yml} are a French town's usual wording; a town puts its own in
 * its configuration file. A placeholder the portal does not know, or a kind left without words,
 * stops the start with the reason, rather than a reminder going out with a hole in it.
 *
 * @param invoiceLine the invoice in one clause: {@code {facture}}, {@code {periode}}, {@code {echeance}}, {@code {reste}}
 * @param howToPay how to pay, the same in every reminder ({@code {commentPayer}} in the paragraphs)
 * @param help whom to ask when paying is hard ({@code {aide}})
 * @param kinds {@code first}, {@code second} and {@code instalment}: each a subject and paragraphs
 */
record ReminderWording(String invoiceLine, String howToPay, String help, Map<String, Words> kinds) {

    /** What the portal fills in; the paragraphs may also use the three shared sentences. */
    static final Set<String> PLACEHOLDERS = Set.of("famille", "facture", "periode", "echeance", "reste", "delai", "ville",
            "echeanceDu", "montantEcheance", "ligneFacture", "commentPayer", "aide");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The words of one kind of reminder. */
    record Words(String subject, List<String> paragraphs) {}

    ReminderWording {
        if (invoiceLine == null || howToPay == null || help == null || kinds == null) {
            throw new IllegalStateException("portal.dunning.wording : les phrases communes des relances manquent");
        }
        for (String kind : List.of("first", "second", "instalment")) {
            Words words = kinds.get(kind);
            if (words == null || words.subject() == null || words.paragraphs() == null || words.paragraphs().isEmpty()) {
                throw new IllegalStateException("portal.dunning.wording." + kind + " : l'objet et les paragraphes de cette relance manquent");
            }
            unknownPlaceholders(kind + ".subject", words.subject());
            words.paragraphs().forEach(p -> unknownPlaceholders(kind + ".paragraphs", p));
        }
        unknownPlaceholders("invoice-line", invoiceLine);
        unknownPlaceholders("how-to-pay", howToPay);
        unknownPlaceholders("help", help);
    }

    private static void unknownPlaceholders(String where, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalStateException("portal.dunning.wording." + where + " : {" + m.group(1)
                        + "} n'est pas une donnée connue des relances (connues : " + String.join(", ", PLACEHOLDERS.stream().sorted().toList()) + ")");
            }
        }
    }

    /** {@code text} with each {@code {placeholder}} replaced by its value. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(filled).toString();
    }
}
