package fr.portailfamille.debit;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00800102;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.dunning.DirectDebits;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The debits of a month: an invoice published for a family with an active mandate joins the month's
 * batch in the publication's transaction (once, however often the event comes), « Facturation » says
 * when it will be debited and card payment no longer offers it, its reminders wait; the batch's
 * pain.008 file holds only what is still due, and « transmis » settles the invoices by direct debit
 * and marks each mandate's first debit; a cancelled batch gives the invoices back to the families.
 */
class DebitCollectionTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired DebitBatches batches;
    @Autowired Invoices invoices;
    @Autowired DirectDebits directDebits;
    @Autowired Clock clock;

    private DebitFixtures fixtures;
    private YearMonth month;

    @BeforeEach
    void fixtures() {
        fixtures = new DebitFixtures(jdbc, encoder);
        // a month of its own per test: each test owns its batch
        month = YearMonth.of(2040 + Math.floorMod(UUID.randomUUID().hashCode(), 50), 1 + Math.floorMod(UUID.randomUUID().hashCode(), 12));
        jdbc.update("delete from debit_batch where month = ?", month.toString());
    }

    @Test
    void aPublishedInvoiceIsDebitedOnceAndPaidWhenTheFileIsTransmitted() {
        DebitFixtures.Family family = withMandate("PRLV", DebitFixtures.IBAN_1);
        DebitFixtures.Family withoutMandate = fixtures.family("SANS");
        LocalDate due = LocalDate.now(clock).plusDays(30);
        PendingInvoice invoice = fixtures.invoice(family, month, due, "45.50");
        PendingInvoice other = fixtures.invoice(withoutMandate, month, due, "20.00");

        publish(invoice, other);
        publish(invoice);

        assertThat(jdbc.queryForList("select invoice_id from debit_transaction where family_file_id in (?, ?)", Long.class, family.id(),
                withoutMandate.id())).containsExactly(invoice.id());
        long batchId = batches.batchIdOf(month).orElseThrow();
        LocalDate day = batches.batch(batchId).orElseThrow().collectionDate();
        assertThat(day).isAfterOrEqualTo(due);
        assertThat(directDebits.debitDateOf(invoice.id())).contains(day);
        assertThat(directDebits.debitDateOf(other.id())).isEmpty();
        // not offered for payment by card meanwhile, and « Facturation » says why
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).doesNotContain(invoice.id());
        assertThat(invoices.pending(withoutMandate.id())).extracting(PendingInvoice::id).contains(other.id());
        WebSession session = session();
        session.login(family.username(), DebitFixtures.PASSWORD);
        assertThat(session.open("/facturation").doc().select("#facture-" + invoice.id() + " .invoice-follow-up").text())
                .contains("Sera prélevée le " + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        "***0 115", "ne peut pas être payée par carte");

        assertThat(batches.build(batchId)).isEqualTo(1);
        String xml = new String(batches.file(batchId).orElseThrow(), StandardCharsets.UTF_8);
        var file = MxPain00800102.parse(xml).getCstmrDrctDbtInitn();
        assertThat(file.getGrpHdr().getNbOfTxs()).isEqualTo("1");
        assertThat(file.getGrpHdr().getCtrlSum()).isEqualByComparingTo("45.50");
        var block = file.getPmtInf().get(0);
        assertThat(block.getPmtTpInf().getSeqTp().value()).isEqualTo("FRST");
        assertThat(block.getReqdColltnDt()).isEqualTo(day);
        var debit = block.getDrctDbtTxInf().get(0);
        assertThat(debit.getDbtrAcct().getId().getIBAN()).isEqualTo(DebitFixtures.IBAN_1);
        assertThat(debit.getDrctDbtTx().getMndtRltdInf().getMndtId())
                .isEqualTo(jdbc.queryForObject("select rum from debit_mandate where family_file_id = ?", String.class, family.id()));
        assertThat(debit.getRmtInf().getUstrd()).containsExactly("Facture " + invoice.number());
        assertThat(batches.summary(batchId)).startsWith("1 prélèvement(s), 45,50 €");

        batches.transmitted(batchId, "finances");
        batches.transmitted(batchId, "finances");

        assertThat(jdbc.queryForMap("select state, paid_amount from invoice where id = ?", invoice.id()))
                .containsEntry("state", "PAID");
        assertThat(jdbc.queryForList("select mode from invoice_payment where invoice_id = ?", String.class, invoice.id()))
                .containsExactly("PRELEVEMENT");
        assertThat(jdbc.queryForObject("select first_collected_on from debit_mandate where family_file_id = ?", java.sql.Date.class,
                family.id()).toLocalDate()).isEqualTo(day);
        assertThat(invoices.pending(withoutMandate.id())).extracting(PendingInvoice::id).contains(other.id());
    }

    @Test
    void anInvoicePaidMeanwhileLeavesTheBatchAndACancelledBatchGivesTheInvoicesBack() {
        DebitFixtures.Family paidAtDesk = withMandate("GUICHET", DebitFixtures.IBAN_2);
        DebitFixtures.Family debited = withMandate("ANNUL", DebitFixtures.IBAN_3);
        LocalDate due = LocalDate.now(clock).plusDays(30);
        PendingInvoice paid = fixtures.invoice(paidAtDesk, month, due, "30.00");
        PendingInvoice kept = fixtures.invoice(debited, month, due, "12.00");
        publish(paid, kept);
        jdbc.update("update invoice set state = 'PAID', paid_amount = total where id = ?", paid.id());
        long batchId = batches.batchIdOf(month).orElseThrow();

        assertThat(batches.build(batchId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from debit_transaction where invoice_id = ?", String.class, paid.id())).isEqualTo("ANNULE");

        batches.cancelled(batchId, "finances");
        assertThat(jdbc.queryForObject("select state from debit_batch where id = ?", String.class, batchId)).isEqualTo("ANNULE");
        assertThat(invoices.pending(debited.id())).extracting(PendingInvoice::id).contains(kept.id());
        assertThat(directDebits.debitDateOf(kept.id())).isEmpty();
    }

    @Test
    void aMandateRevokedBeforeTheFileIsBuiltWithdrawsItsDebitAtOnce() {
        WebSession session = session();
        DebitFixtures.Family family = fixtures.withMandate(session, "AVANT", DebitFixtures.IBAN_1);
        PendingInvoice invoice = fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), "25.00");
        publish(invoice);
        long batchId = batches.batchIdOf(month).orElseThrow();
        assertThat(batches.batch(batchId).orElseThrow().state()).isEqualTo("PREPARE");
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).doesNotContain(invoice.id());

        session.follow(session.submit(session.open("/facturation/prelevement"), "#revoquer", java.util.Map.of("confirmed", "true")));

        assertThat(jdbc.queryForObject("select state from debit_transaction where invoice_id = ?", String.class, invoice.id())).isEqualTo("ANNULE");
        assertThat(directDebits.debitDateOf(invoice.id())).isEmpty();
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).contains(invoice.id());
        assertThat(session.open("/facturation").doc().select("#facture-" + invoice.id() + " .invoice-follow-up")).isEmpty();
        assertThat(batches.build(batchId)).isZero();
    }

    private DebitFixtures.Family withMandate(String name, String iban) {
        return fixtures.withMandate(session(), name, iban);
    }

    private void publish(PendingInvoice... published) {
        transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(published))));
    }
}
