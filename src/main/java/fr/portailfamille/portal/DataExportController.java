package fr.portailfamille.portal;

import fr.portailfamille.family.CurrentFamily;
import fr.portailfamille.system.export.FamilyDataSection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * « Télécharger mes données » ({@code GET /dossier/export}): everything the portal keeps about the
 * family of the logged-in account, as one JSON file (RGPD rights of access and portability). Each
 * module contributes its {@link FamilyDataSection}; the family file is always the account's own.
 */
@RestController
class DataExportController {

    private final List<FamilyDataSection> sections;
    private final Clock clock;

    DataExportController(List<FamilyDataSection> sections, Clock clock) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(FamilyDataSection::order)).toList();
        this.clock = clock;
    }

    @GetMapping(path = "/dossier/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(@CurrentFamily long fileId) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", "portail-famille-export/1");
        export.put("exporteLe", OffsetDateTime.now(clock).toString());
        for (FamilyDataSection section : sections) {
            export.put(section.key(), section.of(fileId));
        }
        String fileName = "portail-famille-mes-donnees-" + LocalDate.now(clock) + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(export);
    }
}
