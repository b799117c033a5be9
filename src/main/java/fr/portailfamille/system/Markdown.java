package fr.portailfamille.system;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Text typed by a family or an agent placed in the Markdown of a Camunda Form's text component (the
 * conversation of a message, a document's file name): shown as typed, never as a link, an image or
 * a heading of its own.
 */
public final class Markdown {

    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~";

    private Markdown() {}

    /** The text with every Markdown sign escaped, on one line. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.replace('\r', ' ').replace('\n', ' ').toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A multi-line text as a quotation, each line escaped. */
    public static String quote(String text) {
        if (text == null || text.isBlank()) {
            return "> (vide)";
        }
        return Arrays.stream(text.replace("\r\n", "\n").split("\n", -1)).map(line -> "> " + escape(line))
                .collect(Collectors.joining("  \n"));
    }
}
