package fr.portailfamille.debit;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV03;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader36;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupInformation20;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInformation1;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransactionInformation25;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation8;
import com.prowidesoftware.swift.model.mx.dic.TransactionIndividualStatus3Code;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.billing.InvoicesPublished;
import fr.portailfamille.billing.PendingInvoice;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.FilePart;
import fr.portailfamille.support.WebSession.Page;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank's rejects imported by finances on {@code /agent/prelevement/rejets}: a pain.002 status
 * report (built here with the Prowide model) or a CSV; each rejected invoice is unpaid again and
 * offered to card payment, « Facturation » says why, the family is mailed; the second reject
 * suspends the mandate (new bank details put it back in force); unknown references are listed; the
 * same file imported twice changes nothing; hostile files answered in French; only finances.
 */
class DebitRejectsTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;
    @Autowired DebitBatches batches;
    @Autowired Invoices invoices;
    @Autowired Clock clock;

    private DebitFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DebitFixtures(jdbc, encoder);
    }

    @Test
    void aPain002RejectPutsTheInvoiceBackToUnpaidMailsTheFamilyAndTheSecondRejectSuspendsTheMandate() {
        DebitFixtures.Family family = fixtures.withMandate(session(), "REJET", DebitFixtures.IBAN_1);
        PendingInvoice first = transmitted(family, "45.50");
        String firstId = endToEndId(first);

        byte[] report = pain002(Map.of(firstId, "AM04", "PRLV-2199-01-INCONNU", "AC04"));
        Page imported = upload("retour.xml", "application/xml", report);

        assertThat(imported.doc().select("#rejetes li").text()).contains(firstId, "facture " + first.number(), "provision insuffisante, motif AM04");
        assertThat(imported.doc().select("#inconnus li").text()).contains("PRLV-2199-01-INCONNU");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, first.id())).isEqualTo("PENDING");
        assertThat(jdbc.queryForList("select mode from invoice_payment where invoice_id = ?", String.class, first.id())).isEmpty();
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).contains(first.id());
        var mail = mailbox().await(family.email(), "Prélèvement rejeté par votre banque – facture " + first.number());
        assertThat(mail.text()).contains("45,50 €", "provision insuffisante").doesNotContain("suspendu");
        WebSession familySession = session();
        familySession.login(family.username(), DebitFixtures.PASSWORD);
        assertThat(familySession.open("/facturation").doc().select("#facture-" + first.id() + " .invoice-follow-up").text())
                .contains("rejeté par votre banque (provision insuffisante, motif AM04)");
        assertThat(jdbc.queryForObject("select state from debit_mandate where family_file_id = ? and state <> 'REVOQUE'", String.class,
                family.id())).isEqualTo("ACTIF");
        // unpaid again, the invoice is followed by the reminders again: one unpaidInvoice process, under its business key
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(jdbc.queryForList("select state from dunning_case where invoice_id = ?", String.class, first.id()))
                        .containsExactly("FOLLOWED"));
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("unpaidInvoice")
                .processInstanceBusinessKey("REL-" + first.number()).count()).isEqualTo(1);

        // the same file again: nothing changes, the family is not mailed twice
        Page again = upload("retour.xml", "application/xml", report);
        assertThat(again.doc().select("#rejetes li")).isEmpty();
        assertThat(again.doc().select("#deja-importes li").text()).contains(firstId);
        assertThat(mailbox().to(family.email())).filteredOn(m -> m.subject().contains("Prélèvement rejeté")).hasSize(1);

        // the next month's debit rejected too, by CSV: the mandate is suspended, the family sees it
        PendingInvoice second = transmitted(family, "20.00");
        // and a third month's debit already planned, its file not built yet
        YearMonth plannedMonth = fixtures.monthOfItsOwn(3000);
        PendingInvoice planned = fixtures.invoice(family, plannedMonth, LocalDate.now(clock).plusDays(30), "9.00");
        transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(planned))));
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).doesNotContain(planned.id());
        Page csv = upload("rejets.csv", "text/csv", ("reference;motif\n" + endToEndId(second) + ";AC04\n").getBytes(StandardCharsets.UTF_8));
        assertThat(csv.doc().select("#suspendus li").text()).contains(family.number());
        assertThat(jdbc.queryForObject("select state from debit_mandate where family_file_id = ? and state <> 'REVOQUE'", String.class,
                family.id())).isEqualTo("SUSPENDU");
        assertThat(mailbox().await(family.email(), "facture " + second.number()).text()).contains("compte clôturé", "mandat de prélèvement est suspendu");
        assertThat(familySession.open("/facturation/prelevement").text()).contains("Ce mandat est suspendu");
        // the suspended mandate's planned debit does not go: the invoice is the family's to pay by card or at the desk
        assertThat(jdbc.queryForObject("select state from debit_transaction where invoice_id = ?", String.class, planned.id())).isEqualTo("ANNULE");
        assertThat(invoices.pending(family.id())).extracting(PendingInvoice::id).contains(planned.id());

        // new bank details put it back in force
        Page changed = familySession.follow(familySession.submit(familySession.open("/facturation/prelevement"), "#modifier",
                Map.of("holder", "Élodie " + family.name(), "iban", DebitFixtures.IBAN_2, "accepted", "true")));
        assertThat(changed.doc().select("#mandat").text()).contains("***0 212").doesNotContain("Ce mandat est suspendu");
        assertThat(jdbc.queryForMap("select state, rejects from debit_mandate where family_file_id = ? and state <> 'REVOQUE'", family.id()))
                .containsEntry("state", "ACTIF").containsEntry("rejects", 0);
    }

    @Test
    void hostileFilesAreAnsweredInFrenchAndChangeNothing() {
        assertThat(upload("vide.csv", "text/csv", new byte[0]).doc().select("#erreur").text()).contains("Choisissez le fichier");
        assertThat(upload("image.csv", "text/csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}).doc().select("#erreur").text())
                .contains("Ligne 1 illisible");
        assertThat(upload("autre.xml", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>"
                .getBytes(StandardCharsets.UTF_8)).doc().select("#erreur").text()).contains("n'est pas un rapport de statut pain.002.001.03");
        assertThat(upload("casse.xml", "application/xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmt"
                .getBytes(StandardCharsets.UTF_8)).doc().select("#erreur").text()).contains("n'a pas pu être lu");
        assertThat(upload("entites.xml", "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\">&x;</Document>").getBytes(StandardCharsets.UTF_8))
                .doc().select("#erreur").text()).doesNotContain("root:").isNotEmpty();
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'A');
        Page tooBig = upload("enorme.csv", "text/csv", huge);
        assertThat(tooBig.status()).isEqualTo(200);
        assertThat(tooBig.doc().select("#erreur").text()).contains("dépasse 2 Mo");
    }

    @Test
    void onlyFinancesImportRejects() {
        assertThat(agent("guichet").get("/agent/prelevement/rejets").status()).isEqualTo(403);
        DebitFixtures.Family family = fixtures.family("FAMILLE");
        WebSession session = session();
        session.login(family.username(), DebitFixtures.PASSWORD);
        assertThat(session.get("/agent/prelevement/rejets").status()).isIn(302, 401, 403);
    }

    /** An invoice of the family debited in a batch of its own month, the batch transmitted. */
    private PendingInvoice transmitted(DebitFixtures.Family family, String amount) {
        YearMonth month = YearMonth.of(2200 + Math.floorMod(UUID.randomUUID().hashCode(), 700), 1 + Math.floorMod(UUID.randomUUID().hashCode(), 12));
        jdbc.update("delete from debit_batch where month = ?", month.toString());
        PendingInvoice invoice = fixtures.invoice(family, month, LocalDate.now(clock).plusDays(30), amount);
        transaction.executeWithoutResult(status -> events.publishEvent(new InvoicesPublished(List.of(invoice))));
        long batchId = batches.batchIdOf(month).orElseThrow();
        batches.build(batchId);
        batches.transmitted(batchId, "finances");
        assertThat(jdbc.queryForObject("select state from invoice where id = ?", String.class, invoice.id())).isEqualTo("PAID");
        return invoice;
    }

    private String endToEndId(PendingInvoice invoice) {
        return jdbc.queryForObject("select end_to_end_id from debit_transaction where invoice_id = ?", String.class, invoice.id());
    }

    /** The bank's status report: each end-to-end id rejected with its reason code. */
    private static byte[] pain002(Map<String, String> rejects) {
        OriginalPaymentInformation1 block = new OriginalPaymentInformation1().setOrgnlPmtInfId("PRLV-LOT");
        rejects.forEach((id, code) -> block.getTxInfAndSts().add(new PaymentTransactionInformation25().setOrgnlEndToEndId(id)
                .setTxSts(TransactionIndividualStatus3Code.RJCT)
                .addStsRsnInf(new StatusReasonInformation8().setRsn(new StatusReason6Choice().setCd(code)))));
        MxPain00200103 report = new MxPain00200103().setCstmrPmtStsRpt(new CustomerPaymentStatusReportV03()
                .setGrpHdr(new GroupHeader36().setMsgId("RETOUR-" + UUID.randomUUID().toString().substring(0, 8)).setCreDtTm(OffsetDateTime.now()))
                .setOrgnlGrpInfAndSts(new OriginalGroupInformation20().setOrgnlMsgId("PRLV-LOT").setOrgnlMsgNmId("pain.008.001.02"))
                .addOrgnlPmtInfAndSts(block));
        return report.message().getBytes(StandardCharsets.UTF_8);
    }

    private Page upload(String name, String type, byte[] content) {
        WebSession finances = agent("finances");
        assertThat(finances.get("/agent").doc().select("a[href=/agent/prelevement/rejets]")).isNotEmpty();
        Page form = finances.get("/agent/prelevement/rejets");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        form.doc().select("form#import input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        return finances.postMultipart("/agent/prelevement/rejets", fields, List.of(new FilePart("fichier", name, type, content)));
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }
}
