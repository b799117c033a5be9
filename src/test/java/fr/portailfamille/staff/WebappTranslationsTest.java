package fr.portailfamille.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our French words for the Camunda webapps, checked against the webapps' own English labels (read from
 * the webjar on the classpath), the way {@code CamundaWebappsInFrench} merges them: Tasklist's file holds
 * the words the three share, each webapp's file its own.
 */
class WebappTranslationsTest {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    /** The end-of-life banner: its text left out on purpose (the banner itself hidden by {@code portail.js}). */
    private static final Set<String> EMPTY_ON_PURPOSE = Set.of("BANNER_CE_EOL_TEXT");

    @Test
    void everyAdminLabelIsInFrench() throws IOException {
        assertThat(untranslated("admin")).isEmpty();
    }

    @Test
    void everyTasklistLabelIsInFrench() throws IOException {
        assertThat(untranslated("tasklist")).isEmpty();
    }

    @Test
    void everyCockpitLabelIsInFrench() throws IOException {
        assertThat(untranslated("cockpit")).isEmpty();
    }

    @Test
    void everyFrenchLabelIsFilledAndKeepsTheOriginalPlaceholders() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            Map<String, String> english = english(app);
            Properties french = french(app);
            for (String key : french.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    continue;
                }
                String value = french.getProperty(key);
                if (value.isBlank() && !english.get(key).isBlank() && !EMPTY_ON_PURPOSE.contains(key)) {
                    wrong.add(app + " " + key + " is empty");
                } else if (!placeholders(value).equals(placeholders(english.get(key)))) {
                    wrong.add(app + " " + key + ": " + placeholders(value) + " instead of " + placeholders(english.get(key)));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyKeyOfAWebappsFileIsOneOfItsLabels() throws IOException {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            Properties own = new Properties();
            load(own, "webapps/" + app + ".fr.properties");
            assertThat(english(app).keySet()).as(app).containsAll(own.stringPropertyNames());
        }
    }

    /** The keys of a webapp's English labels that none of our files translates. */
    private static List<String> untranslated(String app) throws IOException {
        Properties french = french(app);
        return english(app).keySet().stream().filter(key -> french.getProperty(key) == null).toList();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).replace(" ", ""));
        }
        return found;
    }

    private static Map<String, String> english(String app) throws IOException {
        try (InputStream in = resource(WEBJAR + app + "/locales/en.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            JsonNode labels = new ObjectMapper().readTree(text).get("labels");
            Map<String, String> english = new LinkedHashMap<>();
            labels.fields().forEachRemaining(entry -> english.put(entry.getKey(), entry.getValue().asText()));
            return english;
        }
    }

    private static Properties french(String app) throws IOException {
        Properties french = new Properties();
        load(french, "webapps/tasklist.fr.properties");
        load(french, "webapps/" + app + ".fr.properties");
        return french;
    }

    private static void load(Properties into, String path) throws IOException {
        try (InputStream in = resource(path)) {
            into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static InputStream resource(String path) {
        InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
