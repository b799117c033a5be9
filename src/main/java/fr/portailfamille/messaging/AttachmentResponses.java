package fr.portailfamille.messaging;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An attachment as a download: its detected type, its safe name, never cached by shared caches. */
final class AttachmentResponses {

    private AttachmentResponses() {}

    static ResponseEntity<byte[]> of(MessageStore.Attachment attachment) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(attachment.content());
    }
}
