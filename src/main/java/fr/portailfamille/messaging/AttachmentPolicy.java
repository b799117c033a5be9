package fr.portailfamille.messaging;

import fr.portailfamille.system.web.UploadedPdf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a family may attach: PDF, JPEG or PNG recognised from the content (Apache Tika, not the
 * name), at most 5 MB each, at most five files, no PDF with active content; names reduced to safe characters.
 */
@Component
class AttachmentPolicy {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_FILES = 5;
    private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png");

    private final Tika tika = new Tika();

    /** The accepted files; a refusal is the French sentence for the field « Fichier ». */
    record Checked(List<MessageStore.NewFile> files, String error) {}

    Checked check(List<MultipartFile> uploads) {
        List<MessageStore.NewFile> files = new ArrayList<>();
        List<MultipartFile> chosen = uploads == null ? List.of()
                : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (chosen.size() > MAX_FILES) {
            return new Checked(List.of(), "Joignez au plus " + MAX_FILES + " fichiers.");
        }
        for (MultipartFile upload : chosen) {
            String shown = upload.getOriginalFilename() == null ? "fichier" : upload.getOriginalFilename();
            if (upload.getSize() > MAX_BYTES) {
                return new Checked(List.of(), "Le fichier « " + shown + " » dépasse 5 Mo : réduisez-le ou envoyez-en une partie.");
            }
            byte[] content;
            try {
                content = upload.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String mediaType = tika.detect(content);
            String extension = EXTENSIONS.get(mediaType);
            if (extension == null) {
                return new Checked(List.of(), "Le fichier « " + shown + " » n'est ni un PDF, ni une image JPEG ou PNG.");
            }
            if ("pdf".equals(extension)) {
                Optional<String> active = UploadedPdf.refusal(shown, content);
                if (active.isPresent()) {
                    return new Checked(List.of(), active.get());
                }
            }
            files.add(new MessageStore.NewFile(safeName(shown, extension), mediaType, content));
        }
        return new Checked(files, null);
    }

    /** The last part of the name, letters, digits, dot, dash and underscore only, with the extension of the real type. */
    static String safeName(String original, String extension) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        base = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (base.isEmpty()) {
            base = "piece-jointe";
        }
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return base + "." + extension;
    }
}
