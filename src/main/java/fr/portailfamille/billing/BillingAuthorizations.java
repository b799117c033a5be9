package fr.portailfamille.billing;

import fr.portailfamille.staff.TasklistGrants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
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

    private final TasklistGrants grants;

    BillingAuthorizations(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        startable(FINANCES, MonthlyBillingProcess.KEY);
        for (String group : List.of(FINANCES, GUICHET_UNIQUE)) {
            startable(group, DeskPaymentProcess.KEY);
        }
    }

    private void startable(String group, String processKey) {
        grants.grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
        grants.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }
}
