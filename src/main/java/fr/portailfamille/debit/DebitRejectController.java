package fr.portailfamille.debit;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.OnceOnly;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /agent/prelevement/rejets} (finances only): « Importer les rejets de la banque », the bank's
 * pain.002 status report or a CSV of rejected debits; the result lists the debits rejected now, those
 * an earlier import had rejected already, and the references the portal does not know.
 */
@Controller
class DebitRejectController {

    private final DebitRejects rejects;

    DebitRejectController(DebitRejects rejects) {
        this.rejects = rejects;
    }

    @GetMapping("/agent/prelevement/rejets")
    String page(@AuthenticationPrincipal StaffPrincipal staff) {
        finances(staff);
        return "debit/agent-rejets";
    }

    @OnceOnly
    @PostMapping("/agent/prelevement/rejets")
    String upload(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(name = "fichier", required = false) MultipartFile file,
            Model model) throws IOException {
        finances(staff);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Choisissez le fichier de retour de la banque (pain.002 ou CSV).");
            return "debit/agent-rejets";
        }
        if (file.getSize() > DebitRejects.MAX_BYTES) {
            model.addAttribute("error", "Le fichier dépasse 2 Mo : un retour de banque n'est jamais si gros. Vérifiez qu'il s'agit du bon fichier.");
            return "debit/agent-rejets";
        }
        try {
            model.addAttribute("outcome", rejects.apply(DebitRejects.read(file.getBytes())));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (DebitRejects.UnreadableFile unreadable) {
            model.addAttribute("error", unreadable.getMessage());
        }
        return "debit/agent-rejets";
    }

    private static void finances(StaffPrincipal staff) {
        if (!staff.isIn(StaffGroup.FINANCES.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Les rejets de prélèvement sont traités par le service Finances.");
        }
    }
}
