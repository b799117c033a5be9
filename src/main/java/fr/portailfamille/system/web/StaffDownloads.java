package fr.portailfamille.system.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file a family sent (supporting document, certificate, attachment) opened by an agent from a staff
 * page or a Tasklist form: the links open it in a new tab, so a PDF or a photo is shown there
 * ({@code inline}) and anything else is downloaded. The type is the one checked at upload, never
 * guessed by the browser ({@code nosniff}); SVG and HTML are never inline (they could run scripts).
 * Never kept by a shared cache. The families' own downloads stay downloads.
 */
public final class StaffDownloads {

    /** The types a browser shows by itself without running anything of the file. */
    static final Set<String> SHOWN_INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp");

    private StaffDownloads() {}

    public static ResponseEntity<byte[]> of(String mediaType, String fileName, byte[] content) {
        MediaType type = MediaType.parseMediaType(mediaType);
        boolean inline = SHOWN_INLINE.contains(type.getType() + "/" + type.getSubtype());
        ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }
}
