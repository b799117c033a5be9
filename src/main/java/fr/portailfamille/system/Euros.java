package fr.portailfamille.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Euro amounts written the French way, the one formatter of pages, mails, PDFs, exports' labels
 * and process variables: « 1 234,50 € », « -12,00 € » below zero. Thousands and the sign are
 * separated by an ordinary space: the JDK's French locale would put a narrow no-break space
 * (U+202F) that some mail readers, PDF fonts and search boxes do not match; pages keep an amount
 * on one line with CSS ({@code white-space: nowrap} on {@code .amount}).
 * Templates call it through the {@code formats} bean: {@code ${@formats.euros(x)}}.
 */
public final class Euros {

    private Euros() {}

    /** An amount with its cents: « 1 234,50 € ». */
    public static String of(BigDecimal amount) {
        return pattern("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP)) + " €";
    }

    /** An amount held in cents: 123450 → « 1 234,50 € ». */
    public static String ofCents(long cents) {
        return of(BigDecimal.valueOf(cents, 2));
    }

    /** A whole number of euros, as a quotient familial is written: « 850 € ». */
    public static String whole(long euros) {
        return pattern("#,##0").format(euros) + " €";
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(PortalTime.FRENCH);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
