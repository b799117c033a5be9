package fr.portailfamille.payment;

import java.math.BigDecimal;
import java.text.NumberFormat;
import fr.portailfamille.system.PortalTime;

/** Amounts in cents, shown the French way (« 1 234,50 € »). */
final class Money {

    private Money() {}

    static String euros(long cents) {
        NumberFormat format = NumberFormat.getNumberInstance(PortalTime.FRENCH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(cents, 2)).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
    }

    static long cents(BigDecimal euros) {
        return euros.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
