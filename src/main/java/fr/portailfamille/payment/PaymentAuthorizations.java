package fr.portailfamille.payment;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Finances works the payment tasks in Tasklist (« Rembourser un paiement », « Vérifier les
 * paiements en attente »): it may read the payment processes. Idempotent, at every start.
 */
@Component
class PaymentAuthorizations implements ApplicationRunner {

    static final String FINANCES = "finances";

    private final AuthorizationService authorizations;

    PaymentAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String key : List.of(PaymentProcess.KEY, PaymentProcess.LATE_KEY, PaymentProcess.RECONCILIATION_KEY)) {
            boolean granted = authorizations.createAuthorizationQuery().groupIdIn(FINANCES)
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(key).hasPermission(Permissions.READ).count() > 0;
            if (!granted) {
                Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(FINANCES);
                read.setResource(Resources.PROCESS_DEFINITION);
                read.setResourceId(key);
                read.addPermission(Permissions.READ);
                read.addPermission(Permissions.READ_HISTORY);
                authorizations.saveAuthorization(read);
            }
        }
    }
}
