package fr.portailfamille.payment;

import java.math.BigDecimal;

/** Amounts held in cents (shown with {@link fr.portailfamille.system.Euros#ofCents}). */
final class Money {

    private Money() {}

    static long cents(BigDecimal euros) {
        return euros.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
