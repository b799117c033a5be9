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
        execution.setVariable(FamilyFileCreationProcess.FAMILY_FILE_ID, file.getId());
        execution.setVariable(FamilyFileCreationProcess.FAMILY_FILE_NUMBER, file.getNumber());
        execution.setVariable(FamilyFileCreationProcess.FAMILY_FILE_URL, properties.link("/agent/dossiers/" + file.getId()));
        execution.setVariable(FamilyFileCreationProcess.ACCOUNT_WAITING, !waiting.isEmpty());
        execution.setVariable(FamilyFileCreationProcess.CANDIDATE_USERNAMES, waiting);
        execution.setProcessBusinessKey("dossier-" + file.getNumber());
    }
}
