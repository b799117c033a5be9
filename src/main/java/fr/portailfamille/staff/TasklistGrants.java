package fr.portailfamille.staff;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the staff groups their Camunda permissions: the Tasklist access and filters of
 * {@link StaffIdentitySetup}, and what every module declares in its {@link ProcessGrants} bean.
 * At every start, after the groups exist; idempotent (an authorization is saved only when it changes).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class TasklistGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TasklistGrants.class);

    private final AuthorizationService authorizations;
    private final List<ProcessGrants> declared;

    TasklistGrants(AuthorizationService authorizations, List<ProcessGrants> declared) {
        this.authorizations = authorizations;
        this.declared = declared;
    }

    @Override
    public void run(ApplicationArguments args) {
        int count = 0;
        for (ProcessGrants module : declared) {
            for (ProcessGrants.Grant grant : module.grants()) {
                apply(grant.group().id(), grant.resource(), grant.resourceId(), grant.granted(), grant.revoked());
                count++;
            }
        }
        log.info("Droits des services sur les processus vérifiés ({})", count);
    }

    void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        apply(groupId, resource, resourceId, List.of(permission), List.of());
    }

    private void apply(String groupId, Resource resource, String resourceId, Iterable<Permission> granted,
            Iterable<Permission> revoked) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : granted) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        for (Permission permission : revoked) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
