package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.ApplicationSettings;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The production switches of application.yml, bound like Spring Boot binds them (no application
 * context): {@code PORTAL_SECURE_COOKIES=true} makes the session cookie Secure,
 * {@code PORTAL_FORWARD_HEADERS=native} trusts the TLS proxy's X-Forwarded-Proto (so HSTS is sent
 * and redirects stay on https). Without them, the safe defaults of a plain-HTTP development run.
 */
class ProductionSettingsTest {

    private static Binder binder(Map<String, Object> environment) throws IOException {
        return ApplicationSettings.with(environment);
    }

    @Test
    void productionTurnsOnSecureCookiesAndTrustsTheProxy() throws IOException {
        Binder production = binder(Map.of("PORTAL_SECURE_COOKIES", "true", "PORTAL_FORWARD_HEADERS", "native"));
        assertThat(production.bind("server.servlet.session.cookie.secure", Boolean.class).get()).isTrue();
        assertThat(production.bind("server.servlet.session.cookie.http-only", Boolean.class).get()).isTrue();
        assertThat(production.bind("server.servlet.session.cookie.same-site", String.class).get()).isEqualToIgnoringCase("lax");
        assertThat(production.bind("server.forward-headers-strategy", String.class).get()).isEqualTo("native");
    }

    @Test
    void withoutTheSwitchesCookiesWorkOnPlainHttp() throws IOException {
        Binder development = binder(Map.of());
        assertThat(development.bind("server.servlet.session.cookie.secure", Boolean.class).get()).isFalse();
        assertThat(development.bind("server.forward-headers-strategy", String.class).get()).isEqualTo("none");
        assertThat(development.bind("server.error.include-stacktrace", String.class).get()).isEqualTo("never");
    }
}
