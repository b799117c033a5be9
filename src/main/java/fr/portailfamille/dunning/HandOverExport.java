package fr.portailfamille.dunning;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.export.Spreadsheet;
import fr.portailfamille.system.export.MonthlyTownExport;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * « Titres de recette à transmettre »: the invoices the finances decided to hand over to the
 * Treasury in a month, one row each, for the town's finance software (columns documented in
 * {@code docs/relances.md}). The amount is what the invoice still owes today.
 */
@Component
class HandOverExport extends MonthlyTownExport {

    static final List<String> HEADERS = List.of("Facture", "Période", "Dossier famille", "Famille", "Montant initial", "Reste dû",
            "Échéance de la facture", "Relances envoyées", "Décision le", "Décidé par");

    private final DunningStore store;
    private final Invoices invoices;
    private final FamilyFiles families;

    HandOverExport(DunningStore store, Invoices invoices, FamilyFiles families) {
        super(StaffGroup.FINANCES.id());
        this.store = store;
        this.invoices = invoices;
        this.families = families;
    }

    @Override
    public String key() {
        return "titres-de-recette";
    }

    @Override
    public String title() {
        return "Titres de recette à transmettre (factures impayées après relances)";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Spreadsheet rows(Request request) {
        return new Spreadsheet(HEADERS, rows(request.month()));
    }

    List<List<Object>> rows(YearMonth month) {
        List<DunningStore.Case> cases = store.handedOver().stream()
                .filter(c -> YearMonth.from(c.decidedAt().atZone(PortalTime.ZONE)).equals(month)).toList();
        List<Long> ids = cases.stream().map(DunningStore.Case::invoiceId).toList();
        Map<Long, PendingInvoice> pending = invoices.stillPending(ids).stream()
                .collect(Collectors.toMap(PendingInvoice::id, Function.identity()));
        Map<Long, FamilySummary> family = families.findAll(cases.stream().map(DunningStore.Case::familyFileId).distinct().toList())
                .stream().collect(Collectors.toMap(FamilySummary::id, Function.identity()));
        Map<Long, Long> reminders = store.remindersOf(ids).stream()
                .collect(Collectors.groupingBy(DunningStore.Reminder::invoiceId, Collectors.counting()));
        List<List<Object>> rows = new ArrayList<>();
        for (DunningStore.Case c : cases) {
            PendingInvoice still = pending.get(c.invoiceId());
            if (still == null) {
                continue; // paid since the decision: nothing to hand over
            }
            FamilySummary f = family.get(c.familyFileId());
            rows.add(Arrays.asList(c.invoiceNumber(), still.period(), f == null ? "" : f.number(), f == null ? "" : f.name(),
                    c.amount(), still.amountDue(), c.dueOn(), reminders.getOrDefault(c.invoiceId(), 0L), c.decidedAt(),
                    c.decidedBy()));
        }
        return rows;
    }
}
