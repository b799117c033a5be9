package fr.portailfamille.dunning;

import fr.portailfamille.system.Euros;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.util.List;

/**
 * The words of a reminder, the same in the mail and in the printed letter: its subject and its
 * paragraphs, in French, with the amounts and dates of the invoice (or of the instalment).
 */
record ReminderText(String subject, List<String> paragraphs) {

    static ReminderText of(String kind, PendingInvoice invoice, String familyName, String townName, int payWithinDays,
            DunningStore.Instalment instalment) {
        String invoiceLine = "la facture n° " + invoice.number() + " (" + invoice.period() + "), à payer avant le "
                + PortalTime.DATE.format(invoice.dueOn()) + ", dont il reste " + invoice.amountDueText() + " à régler";
        String howToPay = "Vous pouvez la régler en ligne dans l'onglet « Facturation » du portail, ou au guichet de la Régie "
                + "unique (espèces, chèque, CESU) en indiquant le numéro de la facture. Si vous avez réglé entre-temps, "
                + "merci de ne pas tenir compte de ce rappel.";
        String help = "En cas de difficulté de paiement, prenez contact avec la Régie unique : un échéancier peut vous être proposé.";
        return switch (kind) {
            case "FIRST" -> new ReminderText("Rappel : facture " + invoice.number() + " non réglée", List.of(
                    "Famille " + familyName + ",",
                    "Sauf erreur de notre part, " + invoiceLine + ", n'a pas été réglée.",
                    "Nous vous remercions de bien vouloir la régler dans les " + payWithinDays + " jours. " + howToPay,
                    help));
            case "SECOND" -> new ReminderText("Seconde relance : facture " + invoice.number() + " non réglée", List.of(
                    "Famille " + familyName + ",",
                    "Malgré notre premier rappel, " + invoiceLine + ", n'a toujours pas été réglée.",
                    "Sans règlement de votre part dans les " + payWithinDays + " jours, la Ville de " + cityOf(townName)
                            + " émettra un titre de recette : la somme sera alors recouvrée par le comptable public "
                            + "(Centre des finances publiques), qui pourra engager des poursuites. " + howToPay,
                    help));
            case "INSTALMENT" -> new ReminderText("Échéance non réglée : facture " + invoice.number(), List.of(
                    "Famille " + familyName + ",",
                    "L'échéance du " + PortalTime.DATE.format(instalment.dueOn()) + " de votre échéancier (" + euros(instalment.amount())
                            + ", facture n° " + invoice.number() + ") n'a pas été réglée ; il reste " + invoice.amountDueText()
                            + " à régler sur cette facture.",
                    "Nous vous remercions de la régler dans les " + payWithinDays + " jours. Si elle reste impayée, "
                            + "l'échéancier pourra être annulé et la somme restante transmise au comptable public. " + howToPay));
            default -> throw new IllegalArgumentException("relance inconnue : " + kind);
        };
    }

    private static String cityOf(String townName) {
        return townName.startsWith("Ville de ") ? townName.substring("Ville de ".length()) : townName;
    }

    private static String euros(BigDecimal amount) {
        return Euros.of(amount);
    }
}
