package fr.portailfamille.system;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The town's time zone and the French date formats used on pages and in mails. */
public final class PortalTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final Locale FRENCH = Locale.FRANCE;
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", FRENCH);

    private PortalTime() {}
}
