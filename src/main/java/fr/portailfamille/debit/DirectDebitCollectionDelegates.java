package fr.portailfamille.debit;

import static fr.portailfamille.debit.DirectDebitCollectionProcess.BATCH_ID;
import static fr.portailfamille.debit.DirectDebitCollectionProcess.DECIDED_BY;
import static fr.portailfamille.debit.DirectDebitCollectionProcess.MONTH;
import static fr.portailfamille.debit.DirectDebitCollectionProcess.REASON;
import static fr.portailfamille.debit.DirectDebitCollectionProcess.TRANSMIT;

import fr.portailfamille.staff.ProcessGrants;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.FormRefusal;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.StaffDecision;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code directDebitCollection} (each one step of {@link DebitBatches}) and its grants. */
@Configuration(proxyBeanMethods = false)
class DirectDebitCollectionDelegates {

    private static final int REASON_MAX = 500;

    /** Finances start a month's collection in Tasklist; the Tasklist cards and Cockpit show it to them. */
    @Bean
    ProcessGrants directDebitCollectionGrants() {
        return ProcessGrants.declare().start(DirectDebitCollectionProcess.KEY, StaffGroup.FINANCES)
                .readWithHistory(DirectDebitCollectionProcess.KEY, StaffGroup.FINANCES);
    }

    /**
     * Start listener: the month (the start form's or the message's) must have a batch still to review,
     * and no other collection of it running; the business key {@code PRLV-2026-11}. A refusal is a form
     * field's: Tasklist shows the French sentence.
     */
    @Bean
    ExecutionListener chooseDebitBatchDelegate(DebitBatches batches) {
        return execution -> {
            YearMonth month = parse(MONTH.get(execution));
            DebitBatches.Batch batch = batches.batchIdOf(month).flatMap(batches::batch)
                    .orElseThrow(() -> refuse("Aucun prélèvement n'est prévu pour " + PortalTime.MONTH.format(month)
                            + " : le lot d'un mois naît quand ses factures sont publiées pour des familles ayant un mandat actif."));
            if (!batch.state().equals("PREPARE") && !batch.state().equals("A_CONTROLER")) {
                throw refuse("Le lot " + batch.businessKey() + " est déjà " + (batch.state().equals("TRANSMIS") ? "transmis à la banque." : "annulé."));
            }
            long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(DirectDebitCollectionProcess.KEY).variableValueEquals(BATCH_ID.name(), batch.id()).active().count();
            if (running > 0) {
                throw refuse("Le lot " + batch.businessKey() + " est déjà en cours de contrôle dans Tasklist.");
            }
            MONTH.put(execution, month.toString());
            BATCH_ID.put(execution, batch.id());
            execution.setProcessBusinessKey(batch.businessKey());
        };
    }

    /** Builds the batch's file once (a second run of the job finds it built), and shows its figures to the review. */
    @Bean
    JavaDelegate buildDebitFileDelegate(DebitBatches batches) {
        return execution -> {
            long batchId = BATCH_ID.require(execution);
            batches.buildOnce(batchId);
            execution.setVariables(batches.reviewFigures(batchId));
        };
    }

    /**
     * Complete listener of « Contrôler le lot de prélèvement »: an explicit choice, a reason to cancel,
     * and « Transmettre » only once the file as it stands was downloaded (the file handed to the bank
     * is the one the portal marks as sent; a file built again since must be downloaded again).
     */
    @Bean
    TaskListener checkDebitBatchDecisionDelegate(DebitBatches batches) {
        return (DelegateTask task) -> {
            boolean transmit = StaffDecision.chosen(task.getVariable(StaffDecision.CHOICE), task.getVariable(TRANSMIT.name()),
                    DirectDebitCollectionProcess.TRANSMIT_CHOICE, DirectDebitCollectionProcess.CANCEL_CHOICE,
                    "Choisissez « Transmettre » ou « Annuler le lot ».");
            Object asked = task.getVariable(REASON.name());
            String reason = asked == null ? null : asked.toString().strip();
            if (!transmit && (reason == null || reason.isEmpty())) {
                throw new FormRefusal("Indiquez le motif de l'annulation du lot : il reste dans l'historique du processus.");
            }
            if (reason != null && reason.length() > REASON_MAX) {
                throw new FormRefusal("Le motif ne dépasse pas " + REASON_MAX + " caractères.");
            }
            DebitBatches.Batch batch = batches.batchAtDecision(BATCH_ID.require(task));
            if (transmit && batch.hasFile() && !batch.downloadedAsItStands()) {
                throw new FormRefusal(batch.downloadedRevision() == null
                        ? "Téléchargez le fichier (révision " + batch.revision() + ") avant de le transmettre : c'est lui que vous remettez à la banque."
                        : "Le fichier a été reconstruit depuis votre téléchargement (révision " + batch.revision()
                                + ") : téléchargez-le à nouveau avant de le transmettre.");
            }
            Authentication who = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            TRANSMIT.put(task, transmit);
            REASON.put(task, reason == null || reason.isEmpty() ? null : reason);
            DECIDED_BY.put(task, who != null ? who.getUserId() : task.getAssignee() != null ? task.getAssignee() : StaffGroup.FINANCES.id());
        };
    }

    /** « Transmis »: each invoice settled by direct debit, each mandate's first debit recorded. */
    @Bean
    JavaDelegate markBatchTransmittedDelegate(DebitBatches batches) {
        return execution -> batches.transmitted(BATCH_ID.require(execution), DECIDED_BY.require(execution));
    }

    /** The batch cancelled: the invoices are the families' to pay again. */
    @Bean
    JavaDelegate cancelDebitBatchDelegate(DebitBatches batches) {
        return execution -> batches.cancelled(BATCH_ID.require(execution), DECIDED_BY.require(execution));
    }

    private static YearMonth parse(String month) {
        if (month == null || month.isBlank()) {
            throw refuse("Choisissez le mois du lot, sous la forme AAAA-MM (par exemple 2026-11).");
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw refuse("Mois « " + month.strip() + " » invalide : saisissez-le sous la forme AAAA-MM, par exemple 2026-11.");
        }
    }

    private static FormFieldValidationException refuse(String sentence) {
        return new FormFieldValidationException(MONTH.name(), sentence);
    }
}
