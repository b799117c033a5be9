package fr.portailfamille.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.portailfamille.system.PortalProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Tasklist, Cockpit and Admin in French, with the town's name in their header. Each webapp reads its
 * settings from {@code scripts/config.js} and its words from {@code locales/<language>.json}; both are
 * answered here, in place of the files the Camunda starter would serve from its webjar:
 * <ul>
 *   <li>{@code config.js}: French as the only language (whatever the browser's), dates
 *       « 14/03/2026 09:30 », the town's name as the vendor, and our script {@code scripts/portail.js}
 *       (documents opened from a form in a new tab; back to the staff sign-in when the session ends);</li>
 *   <li>{@code fr.json}: our translations ({@code webapps/*.fr.properties}: those of Tasklist hold the
 *       words the three webapps share, each webapp's file its own), over the webapp's original words for
 *       what we have not translated (every label of the three webapps is, today: a new Camunda version's
 *       labels would show in English until added, which {@code WebappTranslationsTest} reports), and French month and day
 *       names; the end-of-life banner's text is empty, and the banner hidden by {@code portail.js}.</li>
 * </ul>
 */
@Controller
class CamundaWebappsInFrench {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final Map<String, String> TITLES = Map.of("tasklist", "Tâches", "cockpit", "Cockpit", "admin", "Administration");

    private final String townName;
    private final ObjectMapper json;
    private final Map<String, byte[]> locales = new ConcurrentHashMap<>();

    CamundaWebappsInFrench(PortalProperties portal, ObjectMapper json) {
        this.townName = portal.townName();
        this.json = json;
    }

    @GetMapping("/camunda/app/{app}/scripts/config.js")
    ResponseEntity<String> config(@PathVariable String app) {
        if (!TITLES.containsKey(app)) {
            return ResponseEntity.notFound().build();
        }
        String script = """
                // Réglages de la webapp pour le Portail Famille (servis par le portail).
                export default {
                  app: { name: %s, vendor: %s },
                  locales: { availableLocales: ['fr'], fallbackLocale: 'fr' },
                  dateFormat: { monthName: 'MMMM', day: 'DD', abbr: 'DD/MM/YYYY HH:mm', normal: 'DD/MM/YYYY HH:mm',
                    long: 'dddd D MMMM YYYY HH:mm', short: 'DD/MM/YYYY' },
                  disableWelcomeMessage: true,
                  customScripts: ['scripts/portail'],
                  shortcuts: {
                    claimTask: { key: 'ctrl+alt+c', description: 'prend en charge la tâche choisie' },
                    focusFilter: { key: 'ctrl+shift+f', description: 'place le curseur sur le premier filtre' },
                    focusList: { key: 'ctrl+alt+l', description: 'place le curseur sur la première tâche de la liste' },
                    focusForm: { key: 'ctrl+alt+f', description: 'place le curseur sur le premier champ du formulaire' },
                    startProcess: { key: 'ctrl+alt+p', description: 'ouvre la fenêtre « Lancer une démarche »' }
                  }
                };
                """.formatted(jsString(TITLES.get(app)), jsString(townName));
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(script);
    }

    @GetMapping("/camunda/app/{app}/scripts/portail.js")
    ResponseEntity<byte[]> script(@PathVariable String app) {
        if (!TITLES.containsKey(app)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(read("webapps/portail.js"));
    }

    @GetMapping("/camunda/app/{app}/locales/fr.json")
    ResponseEntity<byte[]> french(@PathVariable String app) {
        if (!TITLES.containsKey(app)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache()).body(locales.computeIfAbsent(app, this::frenchLocale));
    }

    /** The webapp's original words, replaced by ours where we have them, with French dates. */
    private byte[] frenchLocale(String app) {
        try {
            String original = new String(read(WEBJAR + app + "/locales/en.json"), StandardCharsets.UTF_8).replace("\uFEFF", "");
            ObjectNode locale = (ObjectNode) json.readTree(original);
            ObjectNode labels = (ObjectNode) locale.get("labels");
            Properties ours = new Properties();
            load(ours, "webapps/tasklist.fr.properties");
            load(ours, "webapps/" + app + ".fr.properties");
            for (String key : ours.stringPropertyNames()) {
                if (labels.has(key)) {
                    labels.put(key, ours.getProperty(key));
                }
            }
            JsonNode dates = json.readTree(read("webapps/dates.fr.json"));
            locale.set("dateLocales", dates);
            return json.writeValueAsBytes(locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Properties into, String path) throws IOException {
        ClassPathResource resource = new ClassPathResource(path);
        if (resource.exists()) {
            try (InputStream in = resource.getInputStream()) {
                into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String jsString(String value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
