package fr.portailfamille.family;

import fr.portailfamille.family.FamilyRecords.FileDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The staff's read-only view of a family file, linked from the task forms (staff login required). */
@Controller
class StaffFamilyFileController {

    private final ChildCareService care;
    private final FamilyDetailsStore store;
    private final SupportingDocuments documents;
    private final ChangeRequests changeRequests;
    private final Clock clock;

    StaffFamilyFileController(ChildCareService care, FamilyDetailsStore store, SupportingDocuments documents,
            ChangeRequests changeRequests, Clock clock) {
        this.care = care;
        this.store = store;
        this.documents = documents;
        this.changeRequests = changeRequests;
        this.clock = clock;
    }

    @GetMapping("/agent/dossiers/{fileId}")
    String file(@PathVariable long fileId, Model model) {
        FileDetails file = care.file(fileId).orElseThrow(StaffFamilyFileController::notFound);
        Map<Long, Object> sheets = new LinkedHashMap<>();
        Map<Long, Object> pickups = new LinkedHashMap<>();
        Map<Long, Object> consents = new LinkedHashMap<>();
        file.children().forEach(child -> {
            sheets.put(child.id(), store.healthSheet(child.id()).orElse(null));
            pickups.put(child.id(), store.pickupPersons(child.id()));
            consents.put(child.id(), store.consents(child.id()).orElse(null));
        });
        model.addAttribute("file", file);
        model.addAttribute("sheets", sheets);
        model.addAttribute("pickups", pickups);
        model.addAttribute("consents", consents);
        model.addAttribute("quotient", store.quotientOn(fileId, LocalDate.now(clock)).orElse(null));
        model.addAttribute("documents", documents.list(fileId));
        model.addAttribute("requests", changeRequests.list(fileId));
        return "family/agent-dossier";
    }

    @GetMapping("/agent/dossiers/{fileId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable long fileId, @PathVariable long documentId) {
        return documents.content(fileId, documentId).map(DocumentsController::attachment).orElseThrow(StaffFamilyFileController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
