package fr.portailfamille.family;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_LinkFamilyAccount}: links the account the agent chose, if any, to the new file. */
@Component
class LinkFamilyAccountDelegate implements JavaDelegate {

    private final FamilyFileCreation creation;

    LinkFamilyAccountDelegate(FamilyFileCreation creation) {
        this.creation = creation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long fileId = FamilyFileCreationProcess.FAMILY_FILE_ID.require(execution);
        Object username = execution.getVariable(FamilyFileCreationProcess.ACCOUNT_USERNAME.name());
        creation.link(fileId, username == null ? null : username.toString())
                .ifPresent(accountId -> FamilyFileCreationProcess.LINKED_ACCOUNT_ID.put(execution, accountId));
    }
}
