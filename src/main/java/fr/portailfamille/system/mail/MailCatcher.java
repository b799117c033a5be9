package fr.portailfamille.system.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.web.PublicRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup runs only ({@code portal.mail.catcher.enabled=true}, profile {@code local}): a real
 * SMTP server in the JVM (GreenMail) receives every mail the portal sends, and the page
 * {@code /courriels} shows them, so a newcomer can follow an activation link without a mail server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.mail.catcher.enabled", havingValue = "true")
class MailCatcher {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    @Bean(destroyMethod = "stop")
    GreenMail mailCatcherServer(PortalProperties properties) {
        GreenMail greenMail = new GreenMail(new ServerSetup(properties.mail().catcher().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("Courriels interceptés : serveur SMTP local sur le port {}, lisibles sur {}",
                properties.mail().catcher().port(), properties.link("/courriels"));
        return greenMail;
    }

    @Bean
    PublicRoutes mailCatcherRoutes() {
        return PublicRoutes.of("/courriels", "/courriels/**");
    }

}
