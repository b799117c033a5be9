package fr.portailfamille.security;

import fr.portailfamille.support.WebSession.Page;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;

/**
 * What the hostile-input tests type into forms (fixed payloads and random values from a fixed seed,
 * so a failure can be replayed with {@code -Dhostile.seed=…}) and what they check on every answer: never a 5xx, never a trace or an exception
 * class name, never an executable payload in the page, a French page when the answer is an error.
 */
final class HostileValues {

    /** The seed of the generated values: change it to explore, a failure message always shows the value. */
    static final long SEED = Long.getLong("hostile.seed", 20261127L);

    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    /** Values every field receives: markup, over-long text, a NUL character. */
    static final List<String> ALWAYS = List.of(SCRIPT + IMG, "A".repeat(100_000), "a\u0000b");

    /** Values spread over the fields (round-robin): each form sees several of them. */
    static final List<String> SOMETIMES = List.of("-1", "douze", "99999999999999999999999", "'><svg onload=alert(1)>", "javascript:alert(1)",
            "-2147483649", "9223372036854775808", "1e999", "NaN", "0x1F", "31/02/2026", "2026-02-30", "2026-13-45",
            "99999-12-31", "../../etc/passwd", "..\\..\\windows\\win.ini", "'; drop table family_file; --", "${7*7}",
            "__${T(Runtime).getRuntime()}__::x", "[[${7*7}]]", "\r\nSet-Cookie: pris=1", "\uFEFF\u202Egnp.exe",
            "😀".repeat(3000), "é".repeat(60_000), "%00%ff", "\t\u0007\u001b[31m", " ", "0", "true", "2026-12-01T00:00:00Z");

    private final Random random = new Random(SEED);
    private int next;

    /** The values for one field: the fixed ones, one of the spread ones, {@code generated} random ones. */
    List<String> forField(int generated) {
        List<String> values = new ArrayList<>(ALWAYS);
        values.add(SOMETIMES.get(next++ % SOMETIMES.size()));
        for (int i = 0; i < generated; i++) {
            values.add(any());
        }
        return values;
    }

    /**
     * A random value (seeded, so a run can be replayed): any code points (controls, lone surrogates, astral
     * planes), control characters only, integers at and beyond their limits, markup characters, long text.
     */
    String any() {
        return switch (random.nextInt(6)) {
            case 0 -> codePoints(1 + random.nextInt(60), 0, Character.MAX_CODE_POINT);
            case 1 -> codePoints(1 + random.nextInt(12), 0, 0x1f);
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> new BigInteger(100 + random.nextInt(60), random).multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)).toString();
            case 4 -> random.ints(1 + random.nextInt(30), 0, MARKUP.length()).mapToObj(i -> String.valueOf(MARKUP.charAt(i)))
                    .collect(Collectors.joining());
            default -> codePoints(3000 + random.nextInt(17_000), 'a', 'z');
        };
    }

    private static final String MARKUP = "<>\"'&;/\\%{}$=`";

    private String codePoints(int length, int from, int to) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int cp = from + random.nextInt(to - from + 1);
            if (Character.isValidCodePoint(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static final Set<String> FRENCH_ERROR_TITLES = Set.of("Demande incorrecte", "Demande non traitée", "Accès refusé",
            "Page introuvable", "Lien expiré", "Lien déjà utilisé", "Lien remplacé", "Lien d'activation non valable", "Lien non valable",
            "Fichier trop volumineux");

    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at java.", "at fr.portailfamille",
            "org.springframework.", "org.hibernate", "org.postgresql", "java.lang.", "Whitelabel", "SQLState", "ERROR:");

    /** What is wrong with an answer to hostile input, or null when it is a proper answer. */
    static String problemWith(Page page) {
        if (page.status() >= 500) {
            return "answered " + page.status();
        }
        String body = page.body();
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                return "the answer shows « " + leak + " »";
            }
        }
        String type = page.header("content-type");
        if (type == null) {
            return page.status() >= 400 ? "a " + page.status() + " without a page" : null;
        }
        if (!type.startsWith("text/html")) {
            return null;
        }
        Document doc = page.doc();
        if (!doc.select("[onerror], [onload], svg[onload]").isEmpty()
                || doc.select("script").stream().anyMatch(s -> s.data().contains("alert") || s.attr("src").contains("javascript"))
                || !doc.select("a[href^=javascript], [src^=javascript]").isEmpty()) {
            return "the page carries the payload as markup (not escaped)";
        }
        if (!"fr".equals(doc.select("html").attr("lang"))) {
            return "the page is not the portal's French page: " + shown(body.replaceAll("\\s+", " "));
        }
        if (page.status() >= 400 && page.status() != 429) {
            String title = doc.select("h1").text();
            if (!FRENCH_ERROR_TITLES.contains(title)) {
                return page.status() + " without a French error title (h1 « " + title + " »)";
            }
        }
        return null;
    }

    /** A value short enough for a failure message. */
    static String shown(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "¿");
        return printable.length() > 60 ? printable.substring(0, 60) + "…(" + value.length() + " chars)" : printable;
    }

    private HostileValues() {
        // use create()
    }

    static HostileValues create() {
        return new HostileValues();
    }
}
