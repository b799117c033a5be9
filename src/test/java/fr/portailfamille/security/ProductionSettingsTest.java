package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The production switches of application.yml, bound like Spring Boot binds them (no application
 * context): {@code PORTAL_SECURE_COOKIES=true} makes the session cookie Secure,
 * {@code PORTAL_FORWARD_HEADERS=native} trusts the TLS proxy's X-Forwarded-Proto (so HSTS is sent
 * and redirects stay on https). Without them, the safe defaults of a plain-HTTP development run.
 */
class ProductionSettingsTest {

    private static Binder binder(Map<String, Object> environment) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        return Binder.get(env);
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
