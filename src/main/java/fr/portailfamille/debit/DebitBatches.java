package fr.portailfamille.debit;

import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly debit batches. When billing publishes invoices, each invoice of a family with an
 * active mandate becomes a planned debit of the batch of its month, in the publication's
 * transaction: from then on « Facturation » and the invoice mail say « sera prélevée le … » (at
 * least {@code portal.debit.prenotification-days} ahead), the invoice is not offered for payment by
 * card, and its reminders wait for the day after the debit ({@link ScheduledDebits}). The batch's pain.008 file is built for
 * finances to review, then « transmis »: each invoice is settled by direct debit and each mandate
 * has had its first debit (its amendment carried).
 */
@Service
@Transactional(readOnly = true)
public class DebitBatches {

    /**
     * A batch as the review shows it: its file's revision (0 before the first build, then one more at
     * each build) and the revision finances last downloaded during the review, by whom and when.
     */
    record Batch(long id, String month, String businessKey, LocalDate collectionDate, String state, Integer count, BigDecimal sum,
            boolean hasFile, int revision, Integer downloadedRevision, String downloadedBy, Instant downloadedAt) {

        /** The file's name, revision included: {@code PRLV-2026-11-R2.xml}. */
        String fileName() {
            return fileName(businessKey, revision);
        }

        static String fileName(String businessKey, int revision) {
            return businessKey + "-R" + revision + ".xml";
        }

        /** Whether the file as it stands has been downloaded (false when never, or when built again since). */
        boolean downloadedAsItStands() {
            return downloadedRevision != null && downloadedRevision == revision;
        }
    }

    /** The file as handed to finances: its name and revision, and its content. */
    record Download(String fileName, int revision, byte[] xml) {}

    private static final String BATCH_COLUMNS = """
            id, month, business_key, collection_date, state, tx_count, ctrl_sum, file is not null, revision, downloaded_revision,
            downloaded_by, downloaded_at""";

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final DebitProperties properties;
    private final PortalProperties portal;
    private final Clock clock;
    private final RuntimeService runtime;

    DebitBatches(JdbcClient jdbc, Invoices invoices, DebitProperties properties, PortalProperties portal, Clock clock, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.invoices = invoices;
        this.properties = properties;
        this.portal = portal;
        this.clock = clock;
    }

    static String businessKey(YearMonth month) {
        return "PRLV-" + month;
    }

    /** In the publication's transaction: the invoices of families with an active mandate join their month's batch. */
    @EventListener
    @Transactional
    public void onPublished(InvoicesPublished published) {
        List<PendingInvoice> due = published.invoices().stream().filter(i -> i.amountDue().signum() > 0).toList();
        if (due.isEmpty()) {
            return;
        }
        // two statements for the whole publication (it may hold thousands of invoices), then one insert per debit
        Map<Long, Long> mandates = new HashMap<>();
        jdbc.sql("select family_file_id, id from debit_mandate where state = 'ACTIF' and family_file_id = any (?)")
                .param(due.stream().map(PendingInvoice::familyFileId).distinct().toArray(Long[]::new))
                .query(rs -> {
                    mandates.put(rs.getLong(1), rs.getLong(2));
                });
        List<PendingInvoice> debited = due.stream().filter(i -> mandates.containsKey(i.familyFileId())).toList();
        if (debited.isEmpty()) {
            return;
        }
        Map<Long, YearMonth> months = invoices.monthsOf(debited.stream().map(PendingInvoice::id).toList());
        for (PendingInvoice invoice : debited) {
            long mandate = mandates.get(invoice.familyFileId());
            YearMonth month = months.get(invoice.id());
            if (month == null) {
                continue;
            }
            long batch = batchOf(month, invoice.dueOn());
            jdbc.sql("""
                            insert into debit_transaction (batch_id, invoice_id, invoice_number, family_file_id, mandate_id, end_to_end_id, amount, created_at)
                            select :batch, :invoice, :number, :family, :mandate, :endToEnd, :amount, :now
                            where exists (select 1 from debit_batch where id = :batch and state = 'PREPARE')
                            on conflict do nothing""")
                    .param("batch", batch).param("invoice", invoice.id()).param("number", invoice.number())
                    .param("family", invoice.familyFileId()).param("mandate", mandate)
                    .param("endToEnd", SepaText.of(businessKey(month) + "-" + invoice.number(), 35)).param("amount", invoice.amountDue())
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }

    /**
     * The batch of the month (created at its first invoice): debited on the invoices' due date, but
     * never before the notice period has run from today, and on a weekday.
     */
    private long batchOf(YearMonth month, LocalDate dueOn) {
        LocalDate earliest = LocalDate.now(clock).plusDays(properties.prenotificationDays());
        LocalDate day = dueOn.isBefore(earliest) ? earliest : dueOn;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        Optional<Long> created = jdbc.sql("""
                        insert into debit_batch (month, business_key, collection_date, created_at) values (?, ?, ?, ?)
                        on conflict (month) do nothing returning id""")
                .params(month.toString(), businessKey(month), day, Timestamp.from(clock.instant())).query(Long.class).optional();
        if (created.isPresent()) {
            // its collection process starts in the publication's transaction: a batch never exists without it
            runtime.createMessageCorrelation(DirectDebitCollectionProcess.MESSAGE_BATCH_CREATED)
                    .setVariable(DirectDebitCollectionProcess.MONTH.name(), month.toString()).correlateStartMessage();
        }
        return jdbc.sql("select id from debit_batch where month = ?").param(month.toString()).query(Long.class).single();
    }

    Optional<Batch> batch(long batchId) {
        return jdbc.sql("select " + BATCH_COLUMNS + " from debit_batch where id = ?").param(batchId).query(DebitBatches::batchOf).optional();
    }

    /**
     * The batch at the review's decision, its row locked until the decision commits: a rebuild (a
     * mandate revoked at that moment) waits for it, so « Transmettre » is checked against the file as
     * it stands when it is recorded.
     */
    @Transactional
    Batch batchAtDecision(long batchId) {
        return jdbc.sql("select " + BATCH_COLUMNS + " from debit_batch where id = ? for update").param(batchId).query(DebitBatches::batchOf)
                .single();
    }

    private static Batch batchOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp downloadedAt = rs.getTimestamp(12);
        return new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
                (Integer) rs.getObject(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getInt(9), (Integer) rs.getObject(10),
                rs.getString(11), downloadedAt == null ? null : downloadedAt.toInstant());
    }

    Optional<Long> batchIdOf(YearMonth month) {
        return jdbc.sql("select id from debit_batch where month = ?").param(month.toString()).query(Long.class).optional();
    }

    /**
     * Builds (or builds again) the batch's pain.008 file from its planned debits whose invoice still
     * waits for payment (an invoice paid meanwhile at the desk leaves the batch), and stores it with
     * its count and sum under the next revision (in its MsgId, so the bank tells two builds apart).
     * Returns the number of debits in the file.
     */
    @Transactional
    int build(long batchId) {
        Batch batch = jdbc.sql("select id from debit_batch where id = ? for update").param(batchId).query(Long.class).optional()
                .flatMap(this::batch).orElseThrow();
        if (!batch.state().equals("PREPARE") && !batch.state().equals("A_CONTROLER")) {
            return batch.count() == null ? 0 : batch.count();
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                        select t.id, t.invoice_id, t.end_to_end_id, t.invoice_number, m.rum, m.signed_on, m.holder, m.iban, m.bic,
                               m.first_collected_on is null as first, m.original_iban, m.changed_bank, m.state as mandate_state
                        from debit_transaction t join debit_mandate m on m.id = t.mandate_id
                        where t.batch_id = ? and t.state = 'PREVU' order by t.id""").param(batchId).query().listOfRows();
        Map<Long, BigDecimal> stillDue = new HashMap<>();
        invoices.stillPending(rows.stream().map(r -> ((Number) r.get("invoice_id")).longValue()).toList())
                .forEach(i -> stillDue.put(i.id(), i.amountDue()));
        List<Pain008.Debit> debits = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long transaction = ((Number) row.get("id")).longValue();
            BigDecimal amount = stillDue.get(((Number) row.get("invoice_id")).longValue());
            if (amount == null || amount.signum() <= 0 || !"ACTIF".equals(row.get("mandate_state"))) {
                // paid meanwhile, or the mandate revoked or suspended: no debit
                jdbc.sql("update debit_transaction set state = 'ANNULE' where id = ?").param(transaction).update();
                continue;
            }
            boolean first = (Boolean) row.get("first");
            boolean changedBank = (Boolean) row.get("changed_bank");
            String original = (String) row.get("original_iban");
            jdbc.sql("update debit_transaction set amount = ?, sequence_type = ?, amended = ? where id = ?")
                    .params(amount, first || changedBank ? "FRST" : "RCUR", original != null, transaction).update();
            debits.add(new Pain008.Debit((String) row.get("end_to_end_id"), amount, (String) row.get("rum"),
                    ((java.sql.Date) row.get("signed_on")).toLocalDate(), (String) row.get("holder"), (String) row.get("iban"),
                    (String) row.get("bic"), first, original, changedBank, (String) row.get("invoice_number")));
        }
        if (debits.isEmpty()) {
            jdbc.sql("""
                            update debit_batch set state = 'A_CONTROLER', tx_count = 0, ctrl_sum = 0, file = null, built_at = ?,
                                   revision = revision + 1 where id = ?""")
                    .params(Timestamp.from(clock.instant()), batchId).update();
            return 0;
        }
        int revision = batch.revision() + 1;
        String messageId = SepaText.of(batch.businessKey() + "-R" + revision + "-" + clock.millis(), 35);
        String xml = Pain008.xml(messageId, clock.instant().atZone(PortalTime.ZONE).toOffsetDateTime(), batch.collectionDate(),
                new Pain008.Creditor(portal.townName() + " Regie unique", properties.creditorIban(), properties.creditorBic(),
                        properties.creditorId()), debits);
        BigDecimal sum = debits.stream().map(Pain008.Debit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("""
                        update debit_batch set state = 'A_CONTROLER', message_id = ?, file = ?, tx_count = ?, ctrl_sum = ?, built_at = ?,
                               revision = ? where id = ?""")
                .params(messageId, xml.getBytes(StandardCharsets.UTF_8), debits.size(), sum, Timestamp.from(clock.instant()), revision, batchId)
                .update();
        return debits.size();
    }

    /**
     * The process's build step: builds the file of a batch still in preparation, and only then (a
     * second run of the job, or a batch reviewed already, leaves the file as it is). Returns whether it built.
     */
    @Transactional
    boolean buildOnce(long batchId) {
        String state = jdbc.sql("select state from debit_batch where id = ? for update").param(batchId).query(String.class).single();
        if (!state.equals("PREPARE")) {
            return false;
        }
        build(batchId);
        return true;
    }

    /**
     * The mandate was revoked, suspended or given a new account while debits under it wait in a
     * batch not transmitted yet. In a batch still in preparation, the debits of a mandate no longer
     * active are withdrawn at once: the invoice is the family's to pay by card or at the desk again,
     * and « Facturation » stops announcing the debit. A file already built and under review is built
     * again (the review's figures with it): finances never transmit a debit the family revoked, nor
     * the account it replaced; the rebuilt file is a new revision, to be downloaded again before
     * « Transmettre ».
     */
    @Transactional
    void followMandate(long mandateId) {
        jdbc.sql("""
                        update debit_transaction t set state = 'ANNULE' from debit_batch b, debit_mandate m
                        where b.id = t.batch_id and m.id = t.mandate_id and t.mandate_id = ? and t.state = 'PREVU'
                          and b.state = 'PREPARE' and m.state <> 'ACTIF'""")
                .param(mandateId).update();
        List<Long> underReview = jdbc.sql("""
                        select distinct t.batch_id from debit_transaction t join debit_batch b on b.id = t.batch_id
                        where t.mandate_id = ? and t.state = 'PREVU' and b.state = 'A_CONTROLER' order by t.batch_id""")
                .param(mandateId).query(Long.class).list();
        for (long batchId : underReview) {
            build(batchId);
            showToReview(batchId);
        }
    }

    /** The review task of the batch's running collection shows the batch as it now stands. */
    private void showToReview(long batchId) {
        Map<String, Object> figures = reviewFigures(batchId);
        runtime.createProcessInstanceQuery().processDefinitionKey(DirectDebitCollectionProcess.KEY)
                .variableValueEquals(DirectDebitCollectionProcess.BATCH_ID.name(), batchId).active().list()
                .forEach(instance -> runtime.setVariables(instance.getId(), figures));
    }

    /**
     * What « Contrôler le lot de prélèvement » shows of the batch as built: count, total, debit day,
     * the file's link and revision, and the last download.
     */
    Map<String, Object> reviewFigures(long batchId) {
        Batch batch = batch(batchId).orElseThrow();
        Map<String, Object> figures = new HashMap<>();
        DirectDebitCollectionProcess.COUNT.putIn(figures, batch.count() == null ? 0 : batch.count());
        DirectDebitCollectionProcess.TOTAL.putIn(figures, Euros.of(batch.sum() == null ? BigDecimal.ZERO : batch.sum()));
        DirectDebitCollectionProcess.DEBIT_DATE.putIn(figures, PortalTime.DATE.format(batch.collectionDate()));
        DirectDebitCollectionProcess.FILE_LINK.putIn(figures, batch.hasFile()
                ? "[Télécharger le fichier " + batch.fileName() + " (pain.008, révision " + batch.revision() + ")]("
                        + DebitBatchController.fileUrl(batchId) + ")"
                : "Aucun prélèvement dans ce lot (factures payées entre-temps ou mandats révoqués) : il n'y a pas de fichier à transmettre.");
        DirectDebitCollectionProcess.FILE_REVISION.putIn(figures, batch.revision());
        DirectDebitCollectionProcess.LAST_DOWNLOAD.putIn(figures, lastDownload(batch));
        return figures;
    }

    private static String lastDownload(Batch batch) {
        if (!batch.hasFile()) {
            return "Aucun fichier à télécharger.";
        }
        if (batch.downloadedRevision() == null) {
            return "Pas encore téléchargé : téléchargez le fichier avant de le transmettre.";
        }
        String download = "Révision " + batch.downloadedRevision() + " téléchargée par " + batch.downloadedBy() + " le "
                + PortalTime.DATE_TIME.format(batch.downloadedAt().atZone(PortalTime.ZONE));
        return batch.downloadedAsItStands() ? download + " : c'est le fichier à jour."
                : download + " : le fichier a été reconstruit depuis (révision " + batch.revision() + "), téléchargez-le à nouveau.";
    }

    /** The batch's file, as built. */
    Optional<byte[]> file(long batchId) {
        return jdbc.sql("select file from debit_batch where id = ? and file is not null").param(batchId).query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /**
     * Finances download the batch's file. While the batch is under review, the revision they get is
     * recorded with who and when (in the same statement that reads the file, so the two agree) and the
     * review task shows it; a file downloaded once transmitted or cancelled is only read.
     */
    @Transactional
    Optional<Download> download(long batchId, String byWhom) {
        Optional<Download> recorded = jdbc.sql("""
                        update debit_batch set downloaded_revision = revision, downloaded_by = ?, downloaded_at = ?
                        where id = ? and state = 'A_CONTROLER' and file is not null returning business_key, revision, file""")
                .params(byWhom, Timestamp.from(clock.instant()), batchId).query(DebitBatches::downloadOf).optional();
        if (recorded.isPresent()) {
            showToReview(batchId);
            return recorded;
        }
        return jdbc.sql("select business_key, revision, file from debit_batch where id = ? and file is not null").param(batchId)
                .query(DebitBatches::downloadOf).optional();
    }

    private static Download downloadOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        int revision = rs.getInt(2);
        return new Download(Batch.fileName(rs.getString(1), revision), revision, rs.getBytes(3));
    }

    /** « 12 prélèvement(s), 1 234,50 € » for the review. */
    String summary(long batchId) {
        Batch batch = batch(batchId).orElseThrow();
        int count = batch.count() == null ? 0 : batch.count();
        return count + " prélèvement(s), " + Euros.of(batch.sum() == null ? BigDecimal.ZERO : batch.sum()) + ", le "
                + PortalTime.DATE.format(batch.collectionDate());
    }

    /**
     * « Transmis »: the file went to the bank. Each debit is sent, its invoice settled by direct
     * debit, each mandate has had its first debit and its amendment is carried. Once only.
     */
    @Transactional
    void transmitted(long batchId, String byWhom) {
        int claimed = jdbc.sql("update debit_batch set state = 'TRANSMIS', decided_at = ?, decided_by = ? where id = ? and state = 'A_CONTROLER'")
                .params(Timestamp.from(clock.instant()), byWhom, batchId).update();
        if (claimed == 0) {
            return;
        }
        LocalDate collection = batch(batchId).orElseThrow().collectionDate();
        List<Long> sent = jdbc.sql("update debit_transaction set state = 'TRANSMIS' where batch_id = ? and state = 'PREVU' returning invoice_id")
                .param(batchId).query(Long.class).list();
        sent.forEach(invoiceId -> invoices.settleByDirectDebit(invoiceId, clock.instant()));
        jdbc.sql("""
                        update debit_mandate m set first_collected_on = coalesce(m.first_collected_on, ?), original_iban = null,
                               original_bic = null, changed_bank = false
                        where m.id in (select mandate_id from debit_transaction where batch_id = ? and state = 'TRANSMIS')""")
                .params(collection, batchId).update();
    }

    /** Cancelled at the review: no file goes to the bank, the invoices are the families' to pay again. */
    @Transactional
    void cancelled(long batchId, String byWhom) {
        int claimed = jdbc.sql("""
                        update debit_batch set state = 'ANNULE', decided_at = ?, decided_by = ? where id = ? and state in ('PREPARE', 'A_CONTROLER')""")
                .params(Timestamp.from(clock.instant()), byWhom, batchId).update();
        if (claimed > 0) {
            jdbc.sql("update debit_transaction set state = 'ANNULE' where batch_id = ? and state = 'PREVU'").param(batchId).update();
        }
    }
}
