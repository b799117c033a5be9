package fr.portailfamille.payment;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The daily reconciliation: replays half-done notifications, then lists the payments still pending beyond the timeout. */
@Component
class FindStalePaymentsDelegate implements JavaDelegate {

    private final PaymentReconciliation reconciliation;

    FindStalePaymentsDelegate(PaymentReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> stale = reconciliation.check();
        PaymentProcess.STALE_COUNT.put(execution, (long) stale.size());
        PaymentProcess.STALE_LIST.put(execution, String.join("\n", stale));
    }
}
