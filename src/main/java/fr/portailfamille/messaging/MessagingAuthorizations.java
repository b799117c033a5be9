package fr.portailfamille.messaging;

import fr.portailfamille.staff.StaffGroup;
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
 * What every staff group needs in Tasklist for the messaging processes: see both definitions, and
 * start « Écrire à une famille ». Idempotent, at every start.
 */
@Component
class MessagingAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;

    MessagingAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (StaffGroup group : StaffGroup.values()) {
            grant(group.id(), Resources.PROCESS_DEFINITION, MessageRoutingProcess.KEY, Permissions.READ);
            grant(group.id(), Resources.PROCESS_DEFINITION, WriteToFamilyProcess.KEY, Permissions.READ);
            grant(group.id(), Resources.PROCESS_DEFINITION, WriteToFamilyProcess.KEY, Permissions.CREATE_INSTANCE);
            grant(group.id(), Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
