package fr.portailfamille.debit;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /agent/prelevement/lots/{id}/fichier} (finances only): the batch's pain.008 file as built,
 * linked from « Contrôler le lot de prélèvement », to check it and hand it to the bank. Its name
 * carries its revision ({@code PRLV-2026-11-R2.xml}); the download is recorded for the review, whose
 * « Transmettre » needs the file as it stands to have been downloaded.
 */
@Controller
class DebitBatchController {

    private final DebitBatches batches;

    DebitBatchController(DebitBatches batches) {
        this.batches = batches;
    }

    static String fileUrl(long batchId) {
        return "/agent/prelevement/lots/" + batchId + "/fichier";
    }

    @GetMapping("/agent/prelevement/lots/{batchId}/fichier")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long batchId) {
        if (!staff.isIn(StaffGroup.FINANCES.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Le fichier de prélèvement est réservé au service Finances.");
        }
        batches.batch(batchId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Lot de prélèvement inconnu."));
        DebitBatches.Download file = batches.download(batchId, staff.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Ce lot n'a pas de fichier : il est vide ou pas encore préparé."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .contentType(MediaType.APPLICATION_XML).body(file.xml());
    }
}
