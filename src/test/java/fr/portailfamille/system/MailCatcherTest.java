package fr.portailfamille.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.support.SecondApplication;
import fr.portailfamille.system.mail.MailService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-setup run's mail catcher: mails go through a real SMTP server inside the app and a
 * newcomer reads them, links included, at /courriels — without any mail server of their own.
 */
class MailCatcherTest {

    @Test
    void mailsSentByThePortalAreReadableAtCourriels() throws Exception {
        int smtp = freePort();
        int http = freePort();
        try (ConfigurableApplicationContext app = SecondApplication.start(
                "--spring.profiles.active=test,local",
                "--spring.datasource.url=",
                "--portal.embedded-db.data-dir=",
                "--portal.mail.catcher.port=" + smtp,
                "--server.port=" + http,
                "--portal.base-url=http://localhost:" + http)) {
            app.getBean(MailService.class).send("nouveau.parent@example.org", "Activez votre compte", "test-mail",
                    Map.of("link", "http://localhost:" + http + "/connexion"));

            HttpClient client = HttpClient.newHttpClient();
            Document list = get(client, "http://localhost:" + http + "/courriels");
            assertThat(list.select("td").eachText()).contains("nouveau.parent@example.org", "Activez votre compte");

            Document mail = get(client, list.selectFirst("a:containsOwn(Activez votre compte)").absUrl("href"));
            assertThat(mail.select("h1").text()).isEqualTo("Activez votre compte");
            assertThat(mail.select(".mail-body a").eachAttr("href")).contains("http://localhost:" + http + "/connexion");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aTakenPortIsReportedInOneLineWithTheVariableThatMovesIt(CapturedOutput output) throws Exception {
        int http = freePort();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int smtp = taken.getLocalPort();
            assertThatThrownBy(() -> SecondApplication.start(
                    "--spring.profiles.active=test,local",
                    "--spring.datasource.url=",
                    "--portal.embedded-db.data-dir=",
                    "--portal.mail.catcher.port=" + smtp,
                    "--server.port=" + http,
                    "--portal.base-url=http://localhost:" + http)).isInstanceOf(Exception.class);

            // Spring Boot's « APPLICATION FAILED TO START » report instead of GreenMail's stack trace
            assertThat(output.getOut() + output.getErr())
                    .contains("APPLICATION FAILED TO START")
                    .contains("Le port " + smtp + " du serveur SMTP local (courriels interceptés, /courriels) est déjà utilisé")
                    .contains("PORTAL_MAIL_CATCHER_PORT=" + (smtp + 1) + " mvn spring-boot:run")
                    .doesNotContain("Could not start mail server");
        }
    }

    private static Document get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body(), url);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
