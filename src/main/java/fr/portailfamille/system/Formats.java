package fr.portailfamille.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;

/**
 * The French formats of {@link Euros} and {@link PortalTime} for the templates, as the bean
 * {@code formats}: {@code ${@formats.euros(amount)}}, {@code ${@formats.date(day)}}. A null value
 * is written as nothing.
 */
@Component("formats")
public class Formats {

    /** « 1 234,50 € ». */
    public String euros(BigDecimal amount) {
        return amount == null ? "" : Euros.of(amount);
    }

    /** 123450 cents → « 1 234,50 € ». */
    public String cents(Long cents) {
        return cents == null ? "" : Euros.ofCents(cents);
    }

    /** A whole number of euros, such as a quotient familial: « 850 € ». */
    public String wholeEuros(Number euros) {
        return euros == null ? "" : Euros.whole(euros.longValue());
    }

    /** « 14/03/2026 ». */
    public String date(TemporalAccessor day) {
        return day == null ? "" : PortalTime.DATE.format(day);
    }

    /** « samedi 14 mars 2026 ». */
    public String day(LocalDate day) {
        return day == null ? "" : PortalTime.DAY.format(day);
    }

    /** « mars 2026 ». */
    public String month(YearMonth month) {
        return month == null ? "" : PortalTime.MONTH.format(month);
    }
}
