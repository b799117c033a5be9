package fr.portailfamille.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yml bound as Spring Boot binds it, with these environment variables and no others (not the
 * machine's), without an application context: what a setting becomes on a node started with them.
 */
public final class ApplicationSettings {

    private ApplicationSettings() {}

    public static Binder with(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        return Binder.get(env);
    }
}
