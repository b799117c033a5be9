package fr.portailfamille.registration;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The services that validate pre-registrations may read the process definition in Tasklist (the
 * tasks themselves are granted to their candidate group by the engine). Idempotent, at every start.
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
            grant(group, Resources.PROCESS_DEFINITION, PreRegistrationProcess.KEY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, PreRegistrationProcess.KEY, Permissions.READ_HISTORY);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        } else if (!existing.isPermissionGranted(permission)) {
            existing.addPermission(permission);
            authorizations.saveAuthorization(existing);
        }
    }
}
