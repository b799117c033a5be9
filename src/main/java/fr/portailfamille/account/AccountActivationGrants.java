package fr.portailfamille.account;

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
 * What the Guichet Unique needs in Tasklist for « Rattacher le compte à un dossier famille »: read
 * the process definition (its form, its diagram). The task itself is granted to its candidate
 * group by the engine. Idempotent, at every start.
 */
@Component
class AccountActivationGrants implements ApplicationRunner {

    static final String GROUP = "guichet-unique";

    private final AuthorizationService authorizations;

    AccountActivationGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        grant(Resources.PROCESS_DEFINITION, AccountActivationProcess.KEY, Permissions.READ);
        grant(Resources.PROCESS_DEFINITION, AccountActivationProcess.KEY, Permissions.READ_HISTORY);
    }

    private void grant(Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(GROUP)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(GROUP);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
