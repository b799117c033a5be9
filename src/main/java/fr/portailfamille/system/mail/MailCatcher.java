package fr.portailfamille.system.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
        int port = properties.mail().catcher().port();
        refuseIfTaken(port, null);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            refuseIfTaken(port, e); // taken between the check and the start
            throw e;
        }
        log.info("Courriels interceptés : serveur SMTP local sur le port {}, lisibles sur {}",
                properties.mail().catcher().port(), properties.link("/courriels"));
        return greenMail;
    }

    /** Fails with a clear report (which port, which variable) when another program holds the port. */
    private static void refuseIfTaken(int port, RuntimeException startFailure) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new MailCatcherPortInUseException(port, startFailure != null ? startFailure : e);
        }
    }

    @Bean
    PublicRoutes mailCatcherRoutes() {
        return PublicRoutes.of("/courriels", "/courriels/**");
    }

}
