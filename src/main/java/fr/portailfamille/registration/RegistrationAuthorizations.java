package fr.portailfamille.registration;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The services that validate pre-registrations may read the process definition and its history
 * in Tasklist and Cockpit (the tasks themselves are granted to their candidate group by the
 * engine). Idempotent, at every start.
 */
@Component
class RegistrationAuthorizations implements ApplicationRunner {

    static final List<String> GROUPS = List.of("enfance", "restauration", PreRegistrationProcess.GUICHET_UNIQUE);
    private static final Permission[] PERMISSIONS = {Permissions.READ, Permissions.READ_HISTORY};

    private final AuthorizationService authorizations;

    RegistrationAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : GROUPS) {
            boolean missing = false;
            for (Permission permission : PERMISSIONS) {
                missing |= !authorizations.isUserAuthorized("-", List.of(group), permission, Resources.PROCESS_DEFINITION, PreRegistrationProcess.KEY);
            }
            if (missing) {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.PROCESS_DEFINITION);
                grant.setResourceId(PreRegistrationProcess.KEY);
                for (Permission permission : PERMISSIONS) {
                    grant.addPermission(permission);
                }
                authorizations.saveAuthorization(grant);
            }
        }
    }
}
