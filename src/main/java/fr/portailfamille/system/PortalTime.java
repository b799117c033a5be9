package fr.portailfamille.system;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The town's time zone and the French date formats of pages, mails and PDFs, the one place they
 * are written. Templates use them through the {@code formats} bean ({@code ${@formats.date(d)}}).
 */
public final class PortalTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final Locale FRENCH = Locale.FRANCE;
    /** « 14/03/2026 ». */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);
    /** « 14/03/2026 à 09:30 ». */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", FRENCH);
    /** « samedi 14 mars 2026 ». */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FRENCH);
    /** « sam. 14 mars », in a table of days. */
    public static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", FRENCH);
    /** « mars 2026 ». */
    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);
    /** « 09:30 ». */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", FRENCH);

    private PortalTime() {}
}
