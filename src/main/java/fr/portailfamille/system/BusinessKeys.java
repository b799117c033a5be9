package fr.portailfamille.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The business key of a process instance, as a person reads it in Cockpit and in the family's
 * history: a prefix for the kind of request, the request's number and who it is about, e.g.
 * {@code PRE-2026-000123 DUPONT Chloé}, {@code MSG-000045 DURAND}, {@code FAC-2026-11}.
 */
public final class BusinessKeys {

    /** Camunda's column for business keys. */
    static final int MAX_LENGTH = 255;

    private BusinessKeys() {}

    /** {@code prefix-000123 LASTNAME Firstname}: the family name in capitals, blank or missing words left out. */
    public static String of(String prefix, long number, String familyName, String... firstNames) {
        String who = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(familyName == null ? null : familyName.strip().toUpperCase(Locale.FRENCH)),
                        Arrays.stream(firstNames).map(n -> n == null ? null : n.strip()))
                .filter(Objects::nonNull).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
        String key = prefix + "-" + String.format(Locale.ROOT, "%06d", number) + (who.isEmpty() ? "" : " " + who);
        return key.length() <= MAX_LENGTH ? key : key.substring(0, MAX_LENGTH);
    }
}
