package fr.portailfamille.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The two uploads of the portal — supporting documents (« Mon dossier › Documents ») and message
 * attachments (« Messagerie ») — against hostile files: names that climb out of a folder or carry a
 * NUL, a program or an HTML page named {@code .pdf}, archives that expand a thousandfold, files above
 * the 5 MB a module accepts and above the 10 MB / 30 MB the server parses. Never a 5xx; a French
 * message; nothing stored but what was accepted, and that exactly as sent.
 */
class HostileUploadTest extends PortalIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    private SecurityFamilies.Family family;
    private WebSession session;

    @BeforeEach
    void aFamilyLoggedIn() {
        family = SecurityFamilies.withAccount(jdbc, encoder, "TELEVERSE");
        session = session();
        assertThat(session.login(family.username(), family.password()).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ the two uploads

    private Page uploadDocument(String fileName, byte[] content) {
        session.get("/dossier/documents");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", session.csrfToken());
        fields.put("type", "ASSURANCE");
        fields.put("validUntil", "");
        return session.postMultipart("/dossier/documents", fields, List.of(new FilePart("file", fileName, "application/pdf", content)));
    }

    private Page attachToMessage(String fileName, byte[] content) {
        Page form = session.get("/messagerie/nouveau");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", session.csrfToken());
        fields.put("service", firstOption(form, "service"));
        fields.put("theme", firstOption(form, "theme"));
        fields.put("subject", "Pièce jointe");
        fields.put("body", "Voici le document.");
        return session.postMultipart("/messagerie/nouveau", fields, List.of(new FilePart("fichiers", fileName, "application/pdf", content)));
    }

    private static String firstOption(Page page, String select) {
        return page.doc().select("select[name=" + select + "] option").stream().map(o -> o.attr("value"))
                .filter(v -> !v.isBlank()).findFirst().orElse("");
    }

    private List<Map<String, Object>> documents() {
        return jdbc.queryForList("select file_name, size_bytes, media_type from supporting_document where family_file_id = ? order by id",
                family.fileId());
    }

    private List<Map<String, Object>> attachments() {
        return jdbc.queryForList("""
                select a.file_name, a.size_bytes, a.media_type from message_attachment a join message m on m.id = a.message_id
                where m.family_file_id = ? order by a.id""", family.fileId());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void pathTraversalAndNulInFileNamesAreReducedToAPlainName() {
        List<String> names = List.of("../../etc/passwd.pdf", "..\\..\\windows\\system32\\x.pdf", "/etc/shadow.pdf",
                "%2e%2e%2f%2e%2e%2fetc.pdf", "<script>alert(1)</script>.pdf", "\"><img src=x onerror=alert(1)>.pdf",
                "....//....//x.pdf", "a".repeat(240) + ".pdf", ".htaccess.pdf", "\u202Efdp.exe");
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            for (boolean document : List.of(true, false)) {
                Page answer = document ? uploadDocument(name, PDF) : attachToMessage(name, PDF);
                String problem = HostileValues.problemWith(answer);
                if (problem != null || answer.status() != 302) {
                    problems.add((document ? "document " : "attachment ") + HostileValues.shown(name) + " → " + answer.status() + " " + problem);
                }
            }
        }
        // what no browser sends (file systems stop at 255 bytes, and refuse NUL): a French 4xx, nothing stored
        for (String name : List.of("a".repeat(5000) + ".pdf", "facture.pdf\u0000.exe")) {
            for (boolean document : List.of(true, false)) {
                Page answer = document ? uploadDocument(name, PDF) : attachToMessage(name, PDF);
                if (HostileValues.problemWith(answer) != null || answer.status() / 100 != 4) {
                    problems.add((document ? "document " : "attachment ") + HostileValues.shown(name) + " → " + answer.status() + " "
                            + HostileValues.problemWith(answer));
                }
            }
        }
        List<String> stored = new ArrayList<>();
        documents().forEach(d -> stored.add((String) d.get("file_name")));
        attachments().forEach(a -> stored.add((String) a.get("file_name")));
        assertThat(problems).as("a PDF with a hostile name is accepted").isEmpty();
        assertThat(stored).hasSize(names.size() * 2).allSatisfy(name -> {
            assertThat(name).doesNotContain("/", "\\", "\u0000", "<", ">", "\"", "..", "\u202E").doesNotStartWith(".");
            assertThat(name.length()).isLessThanOrEqualTo(120);
        });
        // the names are shown escaped where the family sees them again
        for (String page : List.of("/dossier/documents", "/messagerie/envoyes")) {
            Page shown = session.get(page);
            assertThat(HostileValues.problemWith(shown)).as(page).isNull();
        }
    }

    @Test
    void programsAndPagesDisguisedAsPdfAreRefusedByTheirContent() {
        Map<String, byte[]> disguised = new LinkedHashMap<>();
        disguised.put("facture.pdf (programme Windows)", concat(new byte[] {'M', 'Z', (byte) 0x90, 0}, new byte[4096]));
        disguised.put("facture.pdf (programme Linux)", concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[4096]));
        disguised.put("facture.pdf (page HTML)", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        disguised.put("facture.pdf (SVG)", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        disguised.put("facture.pdf (script)", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8));
        disguised.put("facture.docx (archive)", zipBomb(1));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : disguised.entrySet()) {
            String name = file.getKey().substring(0, file.getKey().indexOf(' '));
            Page document = uploadDocument(name, file.getValue());
            if (document.status() != 200 || !document.doc().select("#file-erreur").text().contains("PDF")) {
                problems.add("document " + file.getKey() + " → " + document.status() + " « " + document.doc().select("#file-erreur").text() + " »");
            }
            Page attachment = attachToMessage(name, file.getValue());
            if (attachment.status() != 200 || !attachment.text().contains("n'est ni un PDF")) {
                problems.add("attachment " + file.getKey() + " → " + attachment.status());
            }
        }
        assertThat(problems).as("files refused by their content, with a French message").isEmpty();
        assertThat(documents()).as("no document stored").isEmpty();
        assertThat(attachments()).as("no attachment stored").isEmpty();
    }

    /** A one-page PDF generated with PDFBox whose opening runs JavaScript (what an attacker would send). */
    static byte[] pdfOpeningWithJavaScript() {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            pdf.getDocumentCatalog().setOpenAction(
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.launchURL('http://127.0.0.1/', true);"));
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pdfsWithJavaScriptOnOpeningAreRefusedInFrenchAndPlainOnesServedAsAttachments() {
        byte[] hostile = pdfOpeningWithJavaScript();

        Page document = uploadDocument("attestation.pdf", hostile);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.doc().select("#file-erreur").text()).contains("contenu actif");
        Page attachment = attachToMessage("attestation.pdf", hostile);
        assertThat(attachment.status()).isEqualTo(200);
        assertThat(attachment.text()).contains("Le fichier « attestation.pdf » contient du contenu actif");
        assertThat(documents()).as("no document stored").isEmpty();
        assertThat(attachments()).as("no attachment stored").isEmpty();

        assertThat(attachToMessage("attestation.pdf", PDF).status()).isEqualTo(302);
        long message = jdbc.queryForObject("select max(id) from message where family_file_id = ?", Long.class, family.fileId());
        Page thread = session.get("/messagerie/messages/" + message);
        Page download = session.get(thread.doc().select(".thread-message a").attr("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-disposition")).startsWith("attachment");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void archivesThatExpandHugelyAreRefusedOrStoredAsSentNeverExpanded() {
        // a zip (a .docx is one) holding 200 MB of zeros, about 200 KB on the wire: refused by type, never opened
        byte[] bomb = zipBomb(200);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Page document = uploadDocument("bombe.docx", bomb);
        assertThat(document.doc().select("#file-erreur").text()).contains("PDF");
        Page attachment = attachToMessage("bombe.zip", bomb);
        assertThat(attachment.text()).contains("n'est ni un PDF");
        assertThat(documents()).isEmpty();
        assertThat(attachments()).isEmpty();

        // a PDF whose stream inflates to 100 MB: a PDF by its content, stored byte for byte as sent (never inflated)
        byte[] pdfBomb = pdfBomb(100);
        assertThat(uploadDocument("releve.pdf", pdfBomb).status()).isEqualTo(302);
        assertThat(attachToMessage("releve.pdf", pdfBomb).status()).isEqualTo(302);
        assertThat(documents()).singleElement().satisfies(d -> assertThat(((Number) d.get("size_bytes")).longValue()).isEqualTo(pdfBomb.length));
        assertThat(attachments()).singleElement().satisfies(a -> assertThat(((Number) a.get("size_bytes")).longValue()).isEqualTo(pdfBomb.length));
        byte[] downloaded = jdbc.queryForObject("select content from supporting_document where family_file_id = ?", byte[].class, family.fileId());
        assertThat(downloaded).isEqualTo(pdfBomb);
    }

    @Test
    void filesAboveTheLimitsGetAFrenchMessageNotAnError() {
        // 6 MB: parsed by the server (10 MB limit), refused by the module (5 MB) with the form kept
        byte[] six = pdfOfSize(6 * 1024 * 1024);
        Page document = uploadDocument("gros.pdf", six);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.doc().select("#file-erreur").text()).contains("5 Mo");
        Page attachment = attachToMessage("gros.pdf", six);
        assertThat(attachment.status()).isEqualTo(200);
        assertThat(attachment.text()).contains("dépasse 5 Mo");

        // 12 MB (above the 10 MB per file): refused by the server before the controller reads it (its rest read and
        // thrown away, server.tomcat.max-swallow-size), with the French « Fichier trop volumineux » page
        byte[] twelve = pdfOfSize(12 * 1024 * 1024);
        for (boolean isDocument : List.of(true, false)) {
            Page answer = isDocument ? uploadDocument("enorme.pdf", twelve) : attachToMessage("enorme.pdf", twelve);
            assertTooLarge(answer, "12 MB " + (isDocument ? "document" : "attachment"));
        }
        // 50 MB (above the 30 MB per request and the 20 MB the server reads to answer): the same page, or the
        // connection closed by the server while the client still sends (the server stops reading) — never a 5xx
        byte[] fifty = pdfOfSize(50 * 1024 * 1024);
        for (boolean isDocument : List.of(true, false)) {
            try {
                Page answer = isDocument ? uploadDocument("enorme.pdf", fifty) : attachToMessage("enorme.pdf", fifty);
                assertTooLarge(answer, "50 MB " + (isDocument ? "document" : "attachment"));
            } catch (UncheckedIOException closedByTheServer) {
                assertThat(closedByTheServer.getCause().getMessage()).as("the connection cut by the server").isNotBlank();
            }
        }
        assertThat(documents()).isEmpty();
        assertThat(attachments()).isEmpty();
        assertThat(session.get("/dossier/documents").status()).as("still logged in").isEqualTo(200);
    }

    private static void assertTooLarge(Page answer, String what) {
        assertThat(answer.status()).as(what).isEqualTo(413);
        assertThat(answer.doc().select("h1").text()).as(what + ": " + answer.body()).isEqualTo("Fichier trop volumineux");
        assertThat(answer.text()).contains("5 Mo");
        assertThat(HostileValues.problemWith(answer)).isNull();
    }

    // ------------------------------------------------------------------ hostile files

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A zip holding {@code megabytes} MB of zeros in one entry (a Word document is a zip too). */
    static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF with one FlateDecode stream that inflates to {@code megabytes} MB of zeros. */
    static byte[] pdfBomb(int megabytes) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream flate = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                flate.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] stream = deflated.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(("%PDF-1.4\n1 0 obj << /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(stream);
        pdf.writeBytes("\nendstream\nendobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }

    /** A PDF header padded to {@code size} bytes. */
    static byte[] pdfOfSize(int size) {
        byte[] content = new byte[size];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }
}
