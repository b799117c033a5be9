package fr.portailfamille.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.junit.jupiter.api.Test;

/** PDFs generated with PDFBox, as an attacker would build them, and the plain ones families send. */
class UploadedPdfTest {

    /** A one-page PDF, changed by {@code hostile}, saved as PDFBox saves (object streams, compressed). */
    static byte[] pdf(Consumer<PDDocument> hostile) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            hostile.accept(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] withOpenActionJavaScript() {
        return pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('ouvert');")));
    }

    @Test
    void aPlainPdfAndOneThatOpensOnItsFirstPageAreAccepted() {
        assertThat(UploadedPdf.hasActiveContent(pdf(d -> { }))).isFalse();
        assertThat(UploadedPdf.hasActiveContent(pdf(d -> {
            PDPageFitDestination first = new PDPageFitDestination();
            first.setPage(d.getPage(0));
            d.getDocumentCatalog().setOpenAction(first);
        }))).isFalse();
    }

    @Test
    void javaScriptOnOpeningIsRefused() {
        assertThat(UploadedPdf.hasActiveContent(withOpenActionJavaScript())).isTrue();
        assertThat(UploadedPdf.refusal("attestation.pdf", withOpenActionJavaScript())).get().asString()
                .startsWith("Le fichier « attestation.pdf » contient du contenu actif");
    }

    @Test
    void automaticPageActionsLaunchAndDocumentLevelScriptsAreRefused() {
        assertThat(UploadedPdf.hasActiveContent(pdf(d -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("this.submitForm('http://127.0.0.1/');"));
            d.getPage(0).setActions(actions);
        }))).as("page open action").isTrue();
        assertThat(UploadedPdf.hasActiveContent(pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionLaunch()))))
                .as("launch").isTrue();
        assertThat(UploadedPdf.hasActiveContent(pdf(d -> {
            COSDictionary script = new COSDictionary();
            script.setName(COSName.S, "JavaScript");
            script.setString(COSName.JS, "app.alert(1)");
            COSDictionary names = new COSDictionary();
            names.setItem(COSName.JAVA_SCRIPT, script);
            d.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, names);
        }))).as("document-level JavaScript").isTrue();
    }

    @Test
    void anUnreadableFileIsSearchedForTheSameNames() {
        byte[] broken = "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> \n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(UploadedPdf.hasActiveContent(broken)).isTrue();
        assertThat(UploadedPdf.hasActiveContent("%PDF-1.4\nrien\n%%EOF".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
    }
}
