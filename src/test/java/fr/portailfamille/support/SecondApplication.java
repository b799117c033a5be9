package fr.portailfamille.support;

import fr.portailfamille.PortalApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts another whole portal in the test JVM (a restart, the zero-setup run), next to the shared
 * context of {@link PortalIntegrationTest}. Camunda keeps JVM-wide registries: the engines by name
 * ({@code ProcessEngines}) and the webapps' runtime delegates ({@code Admin}, {@code Cockpit},
 * {@code Tasklist}, {@code Welcome}), which a closing webapp sets to null. So this application gets its
 * own engine name and no webapps: starting and closing it leaves the shared portal's engine, REST API
 * and webapps working.
 */
public final class SecondApplication {

    private SecondApplication() {}

    public static ConfigurableApplicationContext start(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.add("--camunda.bpm.process-engine-name=second");
        args.add("--camunda.bpm.webapp.enabled=false");
        args.add("--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(PortalApplication.class).run(args.toArray(String[]::new));
    }
}
