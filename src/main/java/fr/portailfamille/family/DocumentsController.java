package fr.portailfamille.family;

import fr.portailfamille.family.FamilyForms.DocumentForm;
import fr.portailfamille.family.FamilyRecords.DocumentContent;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** « Mon dossier » › documents: the family's supporting documents, their upload and their state. */
@Controller
class DocumentsController {

    private static final String PAGE = "family/documents";

    private final SupportingDocuments documents;
    private final Clock clock;

    DocumentsController(SupportingDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/dossier/documents")
    String documents(@CurrentFamily long fileId, Model model) {
        model.addAttribute("documentForm", new DocumentForm());
        return page(fileId, model);
    }

    @PostMapping("/dossier/documents")
    String upload(@CurrentFamily long fileId, @ModelAttribute("documentForm") DocumentForm form,
            BindingResult errors, @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        DocumentType type = DocumentType.uploadable().stream().filter(t -> t.name().equals(form.getType())).findFirst().orElse(null);
        if (type == null) {
            errors.rejectValue("type", "required", "Choisissez le type de justificatif.");
        }
        String typedDate = FamilyInput.clean(form.getValidUntil());
        LocalDate validUntil = FamilyInput.date(typedDate);
        if (typedDate != null && validUntil == null) {
            errors.rejectValue("validUntil", "date", "Saisissez une date valide, par exemple 31/12/2026.");
        } else if (validUntil != null && validUntil.isBefore(LocalDate.now(clock))) {
            errors.rejectValue("validUntil", "past", "Ce justificatif n'est plus valable : envoyez-en un plus récent.");
        }
        byte[] content = new byte[0];
        if (file != null && file.getSize() > SupportingDocuments.MAX_SIZE) {
            // refused from its size, before its content is read into memory
            model.addAttribute("fileError", SupportingDocuments.TOO_LARGE);
        } else {
            content = file == null || file.isEmpty() ? content : file.getBytes();
            documents.problemWith(content).ifPresent(problem -> model.addAttribute("fileError", problem));
        }
        if (errors.hasErrors() || model.containsAttribute("fileError")) {
            return page(fileId, model);
        }
        documents.upload(fileId, type, validUntil, content, file.getOriginalFilename());
        return "redirect:/dossier/documents?envoye";
    }

    @GetMapping("/dossier/documents/{documentId}")
    ResponseEntity<byte[]> download(@CurrentFamily long fileId, @PathVariable long documentId) {
        return documents.content(fileId, documentId).map(DocumentContent::asAttachment)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(long fileId, Model model) {
        model.addAttribute("documents", documents.list(fileId));
        model.addAttribute("documentTypes", DocumentType.uploadable());
        return PAGE;
    }
}
