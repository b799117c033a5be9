package fr.portailfamille;

import fr.portailfamille.system.StartupSteps;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Portail Famille: the family portal of a French town. Each direct sub-package is a module
 * (see {@code ModularityTest}); {@code system} holds what every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        StartupSteps.recordIfAsked(application);
        application.run(args);
    }
}
