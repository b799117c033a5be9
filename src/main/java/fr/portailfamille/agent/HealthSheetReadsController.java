package fr.portailfamille.agent;

import fr.portailfamille.family.StaffFamilyFiles;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /agent/fiches-sanitaires/consultations}: who read which child's health sheet, and when (administrators only). */
@Controller
class HealthSheetReadsController {

    static final int SHOWN = 500;

    private final StaffFamilyFiles files;

    HealthSheetReadsController(StaffFamilyFiles files) {
        this.files = files;
    }

    @GetMapping("/agent/fiches-sanitaires/consultations")
    String reads(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        if (!staff.groups().contains(StaffGroup.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("reads", files.healthSheetReads(SHOWN));
        model.addAttribute("shown", SHOWN);
        return "agent/consultations";
    }
}
