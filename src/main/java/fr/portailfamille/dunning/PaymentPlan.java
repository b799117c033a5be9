package fr.portailfamille.dunning;

import fr.portailfamille.system.Euros;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.system.FormRefusal;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment plan (« échéancier ») as the finances type it in « Émettre un titre de recette »: one
 * instalment per line, « JJ/MM/AAAA montant » (« 15/01/2027 20,50 »), dates after today in
 * increasing order, amounts adding up exactly to what the invoice still owes.
 */
record PaymentPlan(List<Instalment> instalments) {

    static final int MAX_INSTALMENTS = 24;

    record Instalment(LocalDate dueOn, BigDecimal amount) {}

    static PaymentPlan parse(Object text, BigDecimal amountDue, LocalDate today) {
        if (!(text instanceof String typed) || typed.isBlank()) {
            throw new FormRefusal("Saisissez l'échéancier : une échéance par ligne, « JJ/MM/AAAA montant ».");
        }
        List<Instalment> instalments = new ArrayList<>();
        LocalDate previous = today;
        for (String raw : typed.strip().split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw new FormRefusal("Échéance « " + shorten(line) + " » : écrivez la date puis le montant, « 15/01/2027 20,50 ».");
            }
            LocalDate day;
            BigDecimal amount;
            try {
                day = LocalDate.parse(parts[0], PortalTime.DATE);
            } catch (DateTimeParseException e) {
                throw new FormRefusal("Échéance « " + shorten(line) + " » : la date doit s'écrire JJ/MM/AAAA.");
            }
            try {
                amount = new BigDecimal(parts[1].replace("€", "").replace(" ", "").replace('\u00a0', ' ').strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new FormRefusal("Échéance « " + shorten(line) + " » : montant invalide.");
            }
            if (!day.isAfter(previous) || day.getYear() > 2199) {
                throw new FormRefusal("Échéance du " + PortalTime.DATE.format(day)
                        + " : les dates doivent être postérieures à aujourd'hui et croissantes.");
            }
            if (amount.signum() <= 0 || amount.scale() > 2) {
                throw new FormRefusal("Échéance du " + PortalTime.DATE.format(day) + " : le montant doit être positif, au centime près.");
            }
            instalments.add(new Instalment(day, amount));
            previous = day;
        }
        if (instalments.isEmpty() || instalments.size() > MAX_INSTALMENTS) {
            throw new FormRefusal("Un échéancier compte de 1 à " + MAX_INSTALMENTS + " échéances.");
        }
        BigDecimal sum = instalments.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(amountDue) != 0) {
            throw new FormRefusal("Les échéances totalisent " + Euros.of(sum) + " : elles doivent totaliser exactement "
                    + Euros.of(amountDue) + ", le reste dû.");
        }
        return new PaymentPlan(List.copyOf(instalments));
    }

    private static String shorten(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
