package fr.portailfamille.billing;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, idempotently: {@code finances} may start the monthly billing from Tasklist, and
 * {@code finances} and {@code guichet-unique} may record a desk payment (read and start the process
 * definition, create its process instances).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BillingAuthorizations implements ApplicationRunner {

    static final String FINANCES = "finances";
    static final String GUICHET_UNIQUE = "guichet-unique";

    private final AuthorizationService authorizations;

    BillingAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        startable(FINANCES, MonthlyBillingProcess.KEY);
        for (String group : List.of(FINANCES, GUICHET_UNIQUE)) {
            startable(group, DeskPaymentProcess.KEY);
        }
    }

    private void startable(String group, String processKey) {
        grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).list().stream().filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
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
