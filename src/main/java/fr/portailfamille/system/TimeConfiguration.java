package fr.portailfamille.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal lives in French time: cut-offs, timers and dates on pages use this clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(PortalTime.ZONE);
    }
}
