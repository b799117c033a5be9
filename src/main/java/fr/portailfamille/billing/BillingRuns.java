package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import fr.portailfamille.system.mail.MailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly billing of the town: a run computes a draft invoice per family with something to
 * bill, finances review its totals, then the drafts are published (numbers, PDFs) or discarded.
 *
 * <p>The drafts are written batch by batch, each batch in its own transaction, and the run's
 * progress is updated after each: finances see it advance on {@code /agent/facturation}, and a
 * failure (a missing tariff…) leaves the finished batches in place — the retry skips the families
 * already drafted, thanks to the (family, month) unique key that also stops a day being billed twice.
 */
@Service
class BillingRuns {

    private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);

    /** A run's totals, as the review form shows them. */
    record Totals(long runId, YearMonth month, int families, int invoices, BigDecimal amount, int withoutQuotient,
            RunReview.Adjustments adjustments) {}

    /** A run as finances follow it. */
    record RunView(long id, String month, String state, String processInstanceId, int familiesTotal, int familiesDone,
            int invoices, BigDecimal amount, int withoutQuotient, Instant startedAt) {

        public String stateLabel() {
            return switch (state) {
                case "DRAFTING" -> "calcul des brouillons en cours";
                case "REVIEW" -> "à contrôler";
                case "PUBLISHED" -> "publiée";
                default -> "annulée";
            };
        }

        public String amountText() {
            return Euros.of(amount);
        }

        public String startedAtText() {
            return fr.portailfamille.system.PortalTime.DATE_TIME.format(startedAt.atZone(fr.portailfamille.system.PortalTime.ZONE));
        }
    }

    /** Invoices rendered and written together at publication (bounds the PDFs held in memory). */
    private static final int PUBLISH_SLICE = 500;

    private final JdbcClient jdbc;
    private final InvoiceStore store;
    private final InvoiceNumbers numbers;
    private final InvoicePdf pdf;
    private final BillingSource source;
    private final BillingProperties properties;
    private final MailService mail;
    private final Clock clock;
    private final TransactionTemplate eachBatch;
    private final ApplicationEventPublisher events;
    private final Corrections corrections;
    private final RunReview review;

    private final List<InvoiceCollections> collections;

    BillingRuns(JdbcClient jdbc, InvoiceStore store, InvoiceNumbers numbers, InvoicePdf pdf, BillingSource source,
            BillingProperties properties, MailService mail, Clock clock, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, Corrections corrections, RunReview review, List<InvoiceCollections> collections) {
        this.review = review;
        this.collections = collections;
        this.events = events;
        this.corrections = corrections;
        this.jdbc = jdbc;
        this.store = store;
        this.numbers = numbers;
        this.pdf = pdf;
        this.source = source;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
        this.eachBatch = new TransactionTemplate(transactions);
        this.eachBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The month a run started by the timer bills: the one that just ended. */
    YearMonth monthToBill() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** The day sheets of the month still open: the month is not billed while any is. */
    List<String> openSheets(YearMonth month) {
        return source.openSheets(month);
    }

    /**
     * The run of this process instance, created on first call (a retried job finds it again); refused
     * while another run of the same month is in progress.
     */
    long open(YearMonth month, String processInstanceId) {
        return eachBatch.execute(status -> {
            Optional<Long> existing = jdbc.sql("select id from billing_run where process_instance_id = ?").param(processInstanceId)
                    .query(Long.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            List<Long> inProgress = jdbc.sql("select id from billing_run where month = ? and state in ('DRAFTING', 'REVIEW')")
                    .param(month.toString()).query(Long.class).list();
            if (!inProgress.isEmpty()) {
                throw new BillingException("Une facturation de " + month + " est déjà en cours (run " + inProgress.get(0)
                        + ") : terminez-la ou annulez-la d'abord.");
            }
            return jdbc.sql("insert into billing_run (month, state, process_instance_id) values (?, 'DRAFTING', ?) returning id")
                    .params(month.toString(), processInstanceId).query(Long.class).single();
        });
    }

    /**
     * Computes the drafts of the run, batch after batch; idempotent, resumable, and safe when a second
     * attempt runs at the same time (the job taken again by another thread or node once its lock
     * expired, on a slow run): each family is drafted once, by whichever attempt reaches it first.
     */
    Totals computeDrafts(long runId) {
        YearMonth month = YearMonth.parse(jdbc.sql("select month from billing_run where id = ?").param(runId).query(String.class).single());
        Set<Long> skip = new HashSet<>(store.familiesBilled(month, runId));
        List<Long> families = source.familiesToBill(month).stream().filter(id -> !skip.contains(id)).toList();
        Set<Long> drafted = new HashSet<>(store.familiesDrafted(runId));
        List<Long> toDo = families.stream().filter(id -> !drafted.contains(id)).toList();
        // progress is written in short transactions of its own, never in the caller's (the job's) one,
        // so finances see it move and the batches below never wait on a row the caller holds
        eachBatch.executeWithoutResult(status -> jdbc.sql(
                "update billing_run set families_total = ?, families_done = ?, updated_at = now() where id = ?")
                .params(families.size(), families.size() - toDo.size(), runId).update());
        Pricing pricing = new Pricing(properties.siblingRank());
        for (int from = 0; from < toDo.size(); from += properties.batchSize()) {
            List<Long> batch = toDo.subList(from, Math.min(toDo.size(), from + properties.batchSize()));
            eachBatch.executeWithoutResult(status -> {
                for (BillingSource.FamilyMonth family : source.monthsOf(batch, month)) {
                    Pricing.Result priced = pricing.price(family.input());
                    if (!priced.isEmpty()) {
                        store.insertDraft(runId, family.familyFileId(), family.number(), family.name(), month, priced);
                    }
                }
                jdbc.sql("update billing_run set families_done = least(families_total, families_done + ?), updated_at = now() where id = ?")
                        .params(batch.size(), runId).update();
            });
        }
        // attendance corrected after earlier invoices were published: credit notes and lines « régularisation »
        Corrections.Totals corrected = eachBatch.execute(status -> corrections.correct(runId, month, pricing));
        if (corrected.creditNotes() > 0 || corrected.lines() > 0) {
            log.info("Facturation de {} : {} avoir(s) ({}), {} ligne(s) de régularisation ({})", month, corrected.creditNotes(),
                    fr.portailfamille.system.Euros.of(corrected.credited()), corrected.lines(), fr.portailfamille.system.Euros.of(corrected.billedAgain()));
        }
        jdbc.sql("""
                update billing_run r set state = 'REVIEW', updated_at = now(),
                    invoices = (select count(*) from invoice i where i.billing_run_id = r.id and i.state = 'DRAFT'),
                    amount = (select coalesce(sum(total), 0) from invoice i where i.billing_run_id = r.id and i.state = 'DRAFT'),
                    families_without_quotient = (select count(*) from invoice i where i.billing_run_id = r.id and i.state = 'DRAFT'
                        and i.quotient is null)
                where r.id = ?
                """).param(runId).update();
        RunView run = find(runId).orElseThrow();
        log.info("Facturation de {} : {} brouillon(s), {}", month, run.invoices(), run.amountText());
        return new Totals(runId, month, run.familiesTotal(), run.invoices(), run.amount(), run.withoutQuotient(),
                review.adjustments(runId, run.amount()));
    }

    /**
     * Publishes every draft of the run in ONE transaction, once (the run's row is locked first): gapless numbers in family-number order
     * (the whole block taken from the year's counter at once), the PDF generated and stored — what
     * the family downloads later is exactly this document. The drafts are read in two queries; the
     * PDFs, pure computation, are rendered on the available cores, slice by slice, and each slice is
     * written in one round trip.
     */
    @Transactional
    int publish(long runId) {
        // a second attempt of the step (its job taken again after the lock time) waits here for the
        // first to commit, then finds the run published and does nothing: no number taken twice
        String state = jdbc.sql("select state from billing_run where id = ? for update").param(runId).query(String.class).single();
        if ("PUBLISHED".equals(state)) {
            log.info("Facturation (run {}) déjà publiée : rien à refaire", runId);
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = today.plusDays(properties.paymentDays());
        List<InvoiceView> drafts = store.drafts(runId);
        int first = drafts.isEmpty() ? 0 : numbers.reserve(today.getYear(), drafts.size());
        for (int from = 0; from < drafts.size(); from += PUBLISH_SLICE) {
            int start = from;
            List<InvoiceStore.Publication> slice = IntStream.range(from, Math.min(drafts.size(), from + PUBLISH_SLICE)).parallel()
                    .mapToObj(i -> {
                        InvoiceView published = drafts.get(i).published(InvoiceNumbers.format(today.getYear(), first + i), today, due);
                        return new InvoiceStore.Publication(published.id(), published.number(), today, due, pdf.invoice(published));
                    })
                    .toList();
            store.publishAll(slice);
            events.publishEvent(new InvoicesPublished(IntStream.range(0, slice.size())
                    .filter(i -> drafts.get(start + i).amountDue().signum() > 0)
                    .mapToObj(i -> pending(drafts.get(start + i), slice.get(i)))
                    .toList()));
            log.debug("Facturation (run {}) : {} facture(s) sur {} publiée(s)", runId, start + slice.size(), drafts.size());
        }
        int notes = corrections.issue(runId, today, clock.instant(), pdf);
        jdbc.sql("update billing_run set state = 'PUBLISHED', updated_at = now() where id = ?").param(runId).update();
        log.info("Facturation (run {}) : {} facture(s) publiée(s), {} avoir(s)", runId, drafts.size(), notes);
        return drafts.size();
    }

    private static PendingInvoice pending(InvoiceView draft, InvoiceStore.Publication publication) {
        return new PendingInvoice(draft.id(), draft.familyFileId(), publication.number(), draft.period(), draft.amountDue(),
                publication.dueOn());
    }

    /** Numbers one draft, renders and stores its PDF; in the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    InvoiceView publishInvoice(long draftId, LocalDate issuedOn, LocalDate dueOn) {
        InvoiceView draft = store.find(draftId).orElseThrow();
        InvoiceView published = draft.published(numbers.next(issuedOn.getYear()), issuedOn, dueOn);
        store.publish(draftId, published.number(), issuedOn, dueOn, pdf.invoice(published));
        if (published.amountDue().signum() > 0) {
            events.publishEvent(new InvoicesPublished(List.of(new PendingInvoice(published.id(), published.familyFileId(),
                    published.number(), published.period(), published.amountDue(), dueOn))));
        }
        return published;
    }

    @Transactional
    int discard(long runId) {
        jdbc.sql("delete from credit_note where billing_run_id = ? and state = 'DRAFT'").param(runId).update();
        int discarded = store.discardDrafts(runId);
        jdbc.sql("update billing_run set state = 'CANCELLED', invoices = 0, amount = 0, updated_at = now() where id = ?").param(runId).update();
        return discarded;
    }

    /**
     * One French mail per family « nouvelle facture disponible », for the next batch of families
     * not told yet; returns how many invoices are left. The batch is locked while its mails go out
     * (over one SMTP connection) and marked as told in the same transaction, so a second attempt of
     * the step never mails a family twice; a mail that failed is not marked and the step's retry
     * sends it. Each call is short (a few seconds), far below the job executor's lock time.
     */
    int notifyNextFamilies(long runId, int batchSize) {
        List<Long> failed = new ArrayList<>();
        eachBatch.executeWithoutResult(status -> {
            List<InvoiceView> batch = store.claimUnnotified(runId, batchSize);
            List<MailService.Mail> mails = new ArrayList<>();
            List<Long> invoiceOfMail = new ArrayList<>();
            Map<Long, LocalDate> debitDays = new java.util.HashMap<>();
            List<Long> ids = batch.stream().map(InvoiceView::id).toList();
            collections.forEach(c -> debitDays.putAll(c.debitDays(ids)));
            for (InvoiceView invoice : batch) {
                for (String email : source.emailsOf(invoice.familyFileId())) {
                    Map<String, Object> model = new java.util.HashMap<>(Map.of("invoice", invoice, "familyName", invoice.familyName(),
                            "period", invoice.period(), "total", invoice.totalText(), "dueOn", invoice.dueOnText(), "number", invoice.number()));
                    // the pre-notice of a SEPA debit: the day it will be taken
                    if (debitDays.containsKey(invoice.id())) {
                        model.put("debitOn", fr.portailfamille.system.PortalTime.DATE.format(debitDays.get(invoice.id())));
                    }
                    mails.add(new MailService.Mail(email, "Nouvelle facture disponible – " + invoice.number(), "billing-new-invoice", model));
                    invoiceOfMail.add(invoice.id());
                }
            }
            Set<Integer> notSent = mail.sendAll(mails);
            notSent.forEach(i -> failed.add(invoiceOfMail.get(i)));
            store.markNotified(batch.stream().map(InvoiceView::id).filter(id -> !failed.contains(id)).toList(), clock.instant());
            log.debug("Facturation (run {}) : {} famille(s) prévenue(s) dans ce lot", runId, batch.size() - failed.size());
        });
        if (!failed.isEmpty()) {
            throw new MailSendException("Facturation (run " + runId + ") : " + failed.size()
                    + " courriel(s) « nouvelle facture » non envoyé(s), renvoyé(s) à la reprise de l'étape");
        }
        return store.countUnnotified(runId);
    }

    Optional<RunView> find(long runId) {
        return jdbc.sql("select * from billing_run where id = ?").param(runId).query((rs, n) -> view(rs)).optional();
    }

    List<RunView> recent() {
        return jdbc.sql("select * from billing_run order by started_at desc, id desc limit 24").query((rs, n) -> view(rs)).list();
    }

    private static RunView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        return new RunView(rs.getLong("id"), rs.getString("month"), rs.getString("state"), rs.getString("process_instance_id"),
                rs.getInt("families_total"), rs.getInt("families_done"), rs.getInt("invoices"), rs.getBigDecimal("amount"),
                rs.getInt("families_without_quotient"), started.toInstant());
    }
}
