package fr.portailfamille.dunning;

import static fr.portailfamille.dunning.UnpaidInvoiceProcess.*;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.system.FormRefusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of « Émettre un titre de recette »: the decision checked again on the server —
 * one of the three choices, a reason to write off, a plan that reads and adds up to what is due.
 */
@Component
class CheckRevenueOrderDecisionListener implements TaskListener {

    static final int MAX_REASON = 500;

    private final Invoices invoices;
    private final Clock clock;

    CheckRevenueOrderDecisionListener(Invoices invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        // what the form sent, checked before anything reads it as typed
        Object decision = task.getVariable(DECISION.name());
        if (!(decision instanceof String chosen) || !Set.of(DECISION_HAND_OVER, DECISION_PLAN, DECISION_WRITE_OFF).contains(chosen)) {
            throw new FormRefusal("Choisissez : émettre le titre de recette, accorder un échéancier ou abandonner la créance.");
        }
        if (DECISION_WRITE_OFF.equals(chosen)) {
            Object reason = task.getVariable(WRITE_OFF_REASON.name());
            if (!(reason instanceof String text) || text.isBlank()) {
                throw new FormRefusal("Indiquez le motif de l'abandon de la créance.");
            }
            if (text.length() > MAX_REASON) {
                throw new FormRefusal("Le motif de l'abandon tient en " + MAX_REASON + " caractères au plus.");
            }
        }
        if (DECISION_PLAN.equals(chosen)) {
            long invoiceId = INVOICE_ID.require(task);
            BigDecimal due = invoices.stillPending(List.of(invoiceId)).stream().findFirst().map(PendingInvoice::amountDue)
                    .orElseThrow(() -> new FormRefusal("Cette facture est déjà réglée : aucun échéancier à accorder."));
            PaymentPlan.parse(task.getVariable(PLAN_TEXT.name()), due, LocalDate.now(clock));
        }
    }
}
