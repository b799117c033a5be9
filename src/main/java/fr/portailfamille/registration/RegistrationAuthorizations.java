package fr.portailfamille.registration;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The services that validate pre-registrations may read the process definition in Tasklist. The
 * process is shared by several services, so none reads the history of the whole definition: each
 * reads the history of the instances whose task it was given (granted by the engine with the task).
 * Idempotent, at every start; takes back the definition-wide history an earlier version granted.
 */
@Component
class RegistrationAuthorizations implements ApplicationRunner {

    static final List<String> GROUPS = List.of("enfance", "restauration", PreRegistrationProcess.GUICHET_UNIQUE);

    private final AuthorizationService authorizations;

    RegistrationAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : GROUPS) {
            Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(PreRegistrationProcess.KEY)
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
            if (grant == null) {
                grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.PROCESS_DEFINITION);
                grant.setResourceId(PreRegistrationProcess.KEY);
            } else if (grant.isPermissionGranted(Permissions.READ) && !grant.isPermissionGranted(Permissions.READ_HISTORY)) {
                continue;
            }
            grant.addPermission(Permissions.READ);
            grant.removePermission(Permissions.READ_HISTORY);
            authorizations.saveAuthorization(grant);
        }
    }
}
