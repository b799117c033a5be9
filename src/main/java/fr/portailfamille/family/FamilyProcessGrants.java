package fr.portailfamille.family;

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
 * The Guichet Unique's rights on the family module's processes in Tasklist: see them, and start
 * {@code familyFileCreation} with its start form. Idempotent, at every start.
 */
@Component
class FamilyProcessGrants implements ApplicationRunner {

    static final String GUICHET_UNIQUE = "guichet-unique";

    private final AuthorizationService authorizations;

    FamilyProcessGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String key : new String[] {FamilyFileCreationProcess.KEY, FamilyFileChangeProcess.KEY, DocumentReviewProcess.KEY}) {
            grant(Resources.PROCESS_DEFINITION, key, Permissions.READ);
        }
        grant(Resources.PROCESS_DEFINITION, FamilyFileCreationProcess.KEY, Permissions.CREATE_INSTANCE);
        grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }

    private void grant(Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(GUICHET_UNIQUE)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(GUICHET_UNIQUE);
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
