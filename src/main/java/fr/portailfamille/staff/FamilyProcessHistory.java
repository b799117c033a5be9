package fr.portailfamille.staff;

import fr.portailfamille.system.PortalTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The requests of one family, as process instances (running and finished), for the staff's family
 * page. The processes name their family by one of the variables below (the file's id, or its
 * number when an agent typed it), so this is read from Camunda's history without the modules that
 * own the processes having to list them.
 */
@Service
public class FamilyProcessHistory {

    /** A family's process instance: what it is, its business key, when it started and ended, and how. */
    public record ProcessRecord(String id, String name, String businessKey, Instant startedAt, Instant endedAt, String state) {

        public String startedText() {
            return PortalTime.DATE_TIME.format(startedAt.atZone(PortalTime.ZONE));
        }

        public String endedText() {
            return endedAt == null ? "en cours" : PortalTime.DATE_TIME.format(endedAt.atZone(PortalTime.ZONE));
        }
    }

    /** The variable holding the family file's id (a number). */
    static final String FILE_ID = "familyFileId";
    /** The variables holding the family file's number (« 100123 »), in the processes an agent starts by typing it. */
    static final List<String> FILE_NUMBER = List.of("fileNumber", "familyFileNumber");

    private final HistoryService history;

    FamilyProcessHistory(HistoryService history) {
        this.history = history;
    }

    /** The family's process instances, latest first, at most {@code limit}. */
    public List<ProcessRecord> of(long familyFileId, String familyFileNumber, int limit) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        history.createHistoricProcessInstanceQuery().variableValueEquals(FILE_ID, familyFileId)
                .orderByProcessInstanceStartTime().desc().listPage(0, limit).forEach(p -> found.put(p.getId(), p));
        for (String variable : FILE_NUMBER) {
            history.createHistoricProcessInstanceQuery().variableValueEquals(variable, familyFileNumber)
                    .orderByProcessInstanceStartTime().desc().listPage(0, limit).forEach(p -> found.put(p.getId(), p));
        }
        List<ProcessRecord> records = new ArrayList<>();
        for (HistoricProcessInstance p : found.values()) {
            records.add(new ProcessRecord(p.getId(), p.getProcessDefinitionName() == null ? p.getProcessDefinitionKey()
                    : p.getProcessDefinitionName(), p.getBusinessKey(), p.getStartTime().toInstant(),
                    p.getEndTime() == null ? null : p.getEndTime().toInstant(), stateOf(p)));
        }
        records.sort(Comparator.comparing(ProcessRecord::startedAt).reversed());
        return records.size() > limit ? records.subList(0, limit) : records;
    }

    private static String stateOf(HistoricProcessInstance p) {
        return switch (p.getState()) {
            case HistoricProcessInstance.STATE_ACTIVE -> "en cours";
            case HistoricProcessInstance.STATE_SUSPENDED -> "suspendu";
            case HistoricProcessInstance.STATE_COMPLETED -> "terminé";
            case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED, HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "annulé";
            default -> p.getState().toLowerCase();
        };
    }
}
