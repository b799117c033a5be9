package fr.portailfamille.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole portal on a real port (real HTTP through the security
 * chains), PostgreSQL (embedded, or {@code SPRING_DATASOURCE_URL}), the demo data, and a real SMTP
 * server (GreenMail) receiving the mails. Every subclass shares one Spring context, so keep their
 * configuration identical: no {@code @MockBean}, no extra properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "demo"})
public abstract class PortalIntegrationTest {

    protected static final int PORT = freePort();
    protected static final String BASE_URL = "http://localhost:" + PORT;
    protected static final GreenMail MAIL = startMailServer();

    @Autowired
    protected ProcessEngine processEngine;

    @DynamicPropertySource
    static void portalProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.base-url", () -> BASE_URL);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @BeforeEach
    void bindProcessEngine() {
        BpmnAwareTests.init(processEngine);
    }

    /** A fresh browser-like HTTP session (cookies, CSRF tokens) against the running portal. */
    protected WebSession session() {
        return new WebSession(BASE_URL);
    }

    protected Mailbox mailbox() {
        return new Mailbox(MAIL);
    }

    protected Jobs jobs() {
        return new Jobs(processEngine);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail startMailServer() {
        GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        return greenMail;
    }
}
