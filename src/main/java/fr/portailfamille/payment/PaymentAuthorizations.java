package fr.portailfamille.payment;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.staff.TasklistGrants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Finances works the payment tasks in Tasklist (« Rembourser un paiement », « Vérifier un paiement », « Vérifier les
 * paiements en attente »): it may read the payment processes. Idempotent, at every start.
 */
@Component
class PaymentAuthorizations implements ApplicationRunner {

    static final String FINANCES = StaffGroup.FINANCES.id();

    private final TasklistGrants grants;

    PaymentAuthorizations(TasklistGrants grants) {
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String key : List.of(PaymentProcess.KEY, PaymentProcess.LATE_KEY, PaymentProcess.CHECK_KEY,
                PaymentProcess.RECONCILIATION_KEY)) {
            grants.grant(FINANCES, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.READ_HISTORY);
        }
    }
}
