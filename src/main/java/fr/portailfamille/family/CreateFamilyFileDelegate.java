package fr.portailfamille.family;

import fr.portailfamille.system.PortalProperties;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CreateFamilyFile}: creates the file from the start form, tells whether an account waits to be linked. */
@Component
class CreateFamilyFileDelegate implements JavaDelegate {

    private final FamilyFileCreation creation;
    private final PortalProperties properties;

    CreateFamilyFileDelegate(FamilyFileCreation creation, PortalProperties properties) {
        this.creation = creation;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FamilyFile file = creation.create(execution.getVariables());
        String waiting = creation.waitingAccounts().stream()
                .map(a -> a.username() + " (" + a.displayName() + ", " + a.email() + ")").collect(Collectors.joining(" ; "));
        FamilyFileCreationProcess.FAMILY_FILE_ID.put(execution, file.getId());
        FamilyFileCreationProcess.FAMILY_FILE_NUMBER.put(execution, file.getNumber());
        FamilyFileCreationProcess.FAMILY_FILE_URL.put(execution, properties.link("/agent/dossiers/" + file.getId()));
        FamilyFileCreationProcess.ACCOUNT_WAITING.put(execution, !waiting.isEmpty());
        FamilyFileCreationProcess.CANDIDATE_USERNAMES.put(execution, waiting);
        execution.setProcessBusinessKey("DOS-" + file.getNumber() + " " + file.getName().toUpperCase(java.util.Locale.FRENCH));
        execution.setVariable("familyName", file.getName() + " (dossier n° " + file.getNumber() + ")");
    }
}
