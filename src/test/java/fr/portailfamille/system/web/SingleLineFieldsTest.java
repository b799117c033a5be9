package fr.portailfamille.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-line rule of text fields, and the list of multi-line fields kept in step with the templates' textareas. */
class SingleLineFieldsTest {

    @Test
    void lineBreaksAndTabsBecomeASpaceOtherSpacesStayAsTyped() {
        assertThat(SingleLineFields.oneLine("Inès\r\nBcc: pirate@example.org")).isEqualTo("Inès Bcc: pirate@example.org");
        assertThat(SingleLineFields.oneLine("Martin\tDurand\u2028X\u0085Y\fZ")).isEqualTo("Martin Durand X Y Z");
        assertThat(SingleLineFields.oneLine("  deux  espaces ")).isEqualTo("  deux  espaces ");
        assertThat(SingleLineFields.oneLine(null)).isNull();
    }

    private static final Pattern NAME = Pattern.compile("<textarea[^>]*?\\bname=\"([^\"$]+)\"");
    private static final Pattern FIELD = Pattern.compile("<textarea[^>]*?th:field=\"\\*\\{([A-Za-z]+)}\"");
    private static final Pattern FRAGMENT = Pattern.compile("::\\s*textarea\\('([A-Za-z]+)'");

    @Test
    void everyTextareaOfTheTemplatesIsListedAsMultiLine() throws IOException {
        Set<String> textareas = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                for (Pattern pattern : new Pattern[] {NAME, FIELD, FRAGMENT}) {
                    Matcher m = pattern.matcher(html);
                    while (m.find()) {
                        textareas.add(m.group(1));
                    }
                }
            }
        }
        assertThat(textareas).as("textareas found in the templates").contains("body", "allergies");
        assertThat(SingleLineFields.MULTI_LINE).as("add a new textarea's name to SingleLineFields.MULTI_LINE")
                .containsAll(textareas);
    }
}
