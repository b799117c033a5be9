package fr.portailfamille.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Chromium driven by Playwright, shared by the browser tests of one JVM. Debian's
 * {@code /usr/bin/chromium} is used when present (no browser download); elsewhere Playwright
 * fetches its own.
 */
public final class Browser {

    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {}

    /** A new private window (its own cookies) on the portal, 1280×900 unless a phone is asked for. */
    public static synchronized BrowserContext newWindow(String baseUrl, int width, int height) {
        if (chromium == null) {
            boolean debian = Files.isExecutable(DEBIAN_CHROMIUM);
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(debian ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(List.of(
                    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"));
            if (debian) {
                options.setExecutablePath(DEBIAN_CHROMIUM);
            }
            chromium = playwright.chromium().launch(options);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width, height).setLocale("fr-FR").setTimezoneId("Europe/Paris"));
    }

    public static BrowserContext newWindow(String baseUrl) {
        return newWindow(baseUrl, 1280, 900);
    }

    /** axe-core on the current page (WCAG 2.1 A and AA rules): no serious or critical violation. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> blocking = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browser::describe).toList();
        assertThat(blocking).as("accessibility violations on " + page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " – "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }
}
