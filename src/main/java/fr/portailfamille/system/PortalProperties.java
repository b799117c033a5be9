package fr.portailfamille.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the portal itself ({@code portal.*}), read from application.yml and the environment. */
@ConfigurationProperties("portal")
public record PortalProperties(
        String townName,
        String baseUrl,
        Mail mail,
        EmbeddedDb embeddedDb,
        LoginThrottle loginThrottle,
        LoginAdmission loginAdmission) {

    public record Mail(String from, Catcher catcher) {}

    public record Catcher(boolean enabled, int port) {}

    public record EmbeddedDb(Path dataDir, int port) {}

    public record LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {}

    /**
     * How many passwords are checked at the same time (0: one per processor), how many logins may
     * wait for their turn, and how long.
     */
    public record LoginAdmission(int concurrentChecks, int maxWaiting, Duration maxWait) {}

    /** An absolute link into the portal, for mails. */
    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
