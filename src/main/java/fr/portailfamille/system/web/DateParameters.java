package fr.portailfamille.system.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The months and dates a request may carry ({@code mois=2027-06}, {@code du=…}): java.time reads
 * years up to ±999,999,999, and the first computation on such a year (the next month, a week
 * day…) fails with a 500. Every month or date parameter goes through here: outside the years the
 * portal deals with it is a 400 with the French page « Demande incorrecte ».
 */
public final class DateParameters {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private DateParameters() {}

    /** A month {@code yyyy-MM}; absent or unreadable → {@code fallback}; outside the years → 400. */
    public static YearMonth month(String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            return fallback;
        }
        return checked(month);
    }

    public static YearMonth checked(YearMonth month) {
        if (month != null && (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR)) {
            throw outOfRange();
        }
        return month;
    }

    public static LocalDate checked(LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            throw outOfRange();
        }
        return date;
    }

    /** Whether a date read from a form field lies in the years the portal deals with (a form shows its own message otherwise). */
    public static boolean inRange(LocalDate date) {
        return date != null && date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    static ResponseStatusException outOfRange() {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "date hors de la période acceptée (" + FIRST_YEAR + " à " + LAST_YEAR + ")");
    }
}
