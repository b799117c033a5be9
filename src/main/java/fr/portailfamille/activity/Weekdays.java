package fr.portailfamille.activity;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import fr.portailfamille.system.PortalTime;

/** French names of weekdays, for pages and mails. */
public final class Weekdays {

    private Weekdays() {}

    public static String label(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, PortalTime.FRENCH);
    }

    /** « lundi, mardi, jeudi », in week order. */
    public static String labels(Collection<DayOfWeek> days) {
        return days.stream().sorted().map(Weekdays::label).collect(Collectors.joining(", "));
    }

    /** The weekdays as the catalogue and the registrations store them (« MONDAY,WEDNESDAY »). */
    public static Set<DayOfWeek> parse(String stored) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }

    public static Map<DayOfWeek, String> labelMap() {
        Map<DayOfWeek, String> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            map.put(d, label(d));
        }
        return map;
    }
}
