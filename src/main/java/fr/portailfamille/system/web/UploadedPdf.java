package fr.portailfamille.system.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Active content in an uploaded PDF: what a reader may run or open by itself (JavaScript, an
 * automatic action on opening or on a page, launching a program, embedded files, XFA or rich-media
 * forms). Families send certificates and scans: such a PDF is refused with a French sentence, and
 * every accepted file is still served as an attachment with {@code nosniff}. Apache PDFBox reads
 * the whole object graph, compressed object streams included; a file it cannot read is searched
 * byte by byte for the same names.
 */
public final class UploadedPdf {

    /** The sentence shown under the file field when a PDF carries active content. */
    public static final String ACTIVE_CONTENT = "contient du contenu actif (JavaScript ou action automatique) : "
            + "enregistrez-le de nouveau en PDF simple (par exemple avec « Imprimer » puis « Enregistrer au format PDF ») et envoyez-le.";

    private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.AA,
            COSName.getPDFName("Launch"), COSName.EMBEDDED_FILES, COSName.EMBEDDED_FILE, COSName.getPDFName("XFA"),
            COSName.getPDFName("RichMedia"), COSName.getPDFName("RichMediaContent"));
    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData", "RichMediaExecute",
            "Rendition", "GoToE");
    private static final List<String> RAW_MARKERS = List.of("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile",
            "/XFA", "/RichMedia", "/SubmitForm");

    private UploadedPdf() {}

    /** Whether this PDF carries content a reader would run or open by itself. */
    public static boolean hasActiveContent(byte[] pdf) {
        // decoded streams held in at most 64 MB: a file that needs more is searched byte by byte instead
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(64L << 20).streamCache)) {
            return activeIn(document);
        } catch (IOException | RuntimeException e) {
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            return RAW_MARKERS.stream().anyMatch(text::contains);
        }
    }

    private static boolean activeIn(PDDocument document) {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        // an OpenAction that is a destination (an array) only opens a page; an action dictionary may run something
        if (catalog.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary) {
            return true;
        }
        Deque<COSBase> toVisit = new ArrayDeque<>();
        toVisit.push(catalog);
        toVisit.push(document.getDocument().getTrailer());
        for (Map.Entry<COSObjectKey, Long> entry : document.getDocument().getXrefTable().entrySet()) {
            COSObject object = document.getDocument().getObjectFromPool(entry.getKey());
            if (object != null) {
                toVisit.push(object);
            }
        }
        Map<COSBase, Boolean> seen = new IdentityHashMap<>();
        while (!toVisit.isEmpty()) {
            COSBase item = toVisit.pop();
            if (item instanceof COSObject indirect) {
                item = indirect.getObject();
            }
            if (item == null || seen.put(item, Boolean.TRUE) != null) {
                continue;
            }
            if (item instanceof COSDictionary dictionary) {
                for (COSName key : dictionary.keySet()) {
                    if (ACTIVE_KEYS.contains(key)) {
                        return true;
                    }
                }
                COSName action = dictionary.getCOSName(COSName.S);
                if (action != null && ACTIVE_ACTIONS.contains(action.getName())) {
                    return true;
                }
                if (dictionary.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary) {
                    return true;
                }
                dictionary.getValues().forEach(toVisit::push);
            } else if (item instanceof COSArray array) {
                array.forEach(toVisit::push);
            }
        }
        return false;
    }

    /** The French refusal for a file shown as {@code shown}, when its content is active; empty otherwise. */
    public static Optional<String> refusal(String shown, byte[] pdf) {
        return hasActiveContent(pdf) ? Optional.of("Le fichier « " + shown + " » " + ACTIVE_CONTENT) : Optional.empty();
    }
}
