package fr.portailfamille.account;

import fr.portailfamille.system.web.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account pages anonymous visitors reach: sign-up, activation, new link, forgotten password. */
@Configuration(proxyBeanMethods = false)
class AccountRoutes {

    @Bean
    PublicRoutes accountPublicRoutes() {
        return PublicRoutes.of("/inscription", "/inscription/**", "/mot-de-passe-oublie", "/mot-de-passe/**");
    }
}
