package fr.portailfamille.messaging;

import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.StaffDownloads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An attachment for the staff of the group handling its message (or an administrator), shown in the
 * tab the Tasklist form opened when the browser can ({@link StaffDownloads}); 404 for anyone else.
 */
@Controller
class StaffAttachmentController {

    private final MessageStore store;

    StaffAttachmentController(MessageStore store) {
        this.store = store;
    }

    @GetMapping("/agent/messagerie/pieces-jointes/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal staff) {
        return store.attachment(id)
                .filter(a -> staff != null && a.handlingGroup() != null && staff.isIn(a.handlingGroup()))
                .map(a -> StaffDownloads.of(a.mediaType(), a.fileName(), a.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
