package fr.portailfamille.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** What an agent's browser does with a family's file: a PDF or a photo is shown, anything else downloaded. */
class StaffDownloadsTest {

    @Test
    void pdfAndPhotosAreShownInTheTab() {
        for (String type : new String[] {"application/pdf", "image/jpeg", "image/png"}) {
            ResponseEntity<byte[]> answer = StaffDownloads.of(type, "pièce.bin", new byte[] {1});
            assertThat(answer.getHeaders().getFirst("Content-Disposition")).as(type).startsWith("inline")
                    .contains("filename*=UTF-8''pi%C3%A8ce.bin");
            assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
        }
    }

    @Test
    void whatCouldRunScriptsOrIsUnknownIsDownloaded() {
        for (String type : new String[] {"image/svg+xml", "text/html", "application/octet-stream", "text/plain;charset=UTF-8"}) {
            ResponseEntity<byte[]> answer = StaffDownloads.of(type, "fichier", "x".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.getHeaders().getFirst("Content-Disposition")).as(type).startsWith("attachment");
            assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }
}
