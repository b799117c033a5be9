package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The family's « Facturation » pages on the demo family DUPONT (one invoice pending, one paid): the
 * pending list with details and the real PDF size, the stored PDF's text, the history, the tax
 * certificate, the counters; and another family that can neither list nor download them.
 */
class BillingPagesTest extends PortalIntegrationTest {

    private static final Pattern SIZE = Pattern.compile("\\(Pdf,(\\d+)ko\\)");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InvoiceStore store;

    @Autowired
    Invoices invoices;

    @Autowired
    TaxCertificates certificates;

    @Autowired
    FamilyFiles families;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Test
    void theDemoFamilySeesItsPendingInvoiceWithDetailsAndTheRealSizeOfItsPdf() {
        long dupont = families.findByNumber("100123").orElseThrow().id();
        InvoiceView pending = store.ofFamily(dupont, List.of(InvoiceState.PENDING)).get(0);
        WebSession session = session();
        session.login("dupont", "Portail-Demo-2026");

        WebSession.Page page = session.open("/facturation");

        assertThat(page.status()).isEqualTo(200);
        Element row = page.doc().selectFirst("#facture-" + pending.id());
        assertThat(row).isNotNull();
        assertThat(row.text()).contains(pending.number(), pending.period(), pending.amountDueText(), pending.dueOnText());
        assertThat(row.select("details table tbody tr")).hasSize(pending.lines().size());
        assertThat(row.select("details").text()).contains("Léa DUPONT", "Centre de loisirs", "QF 701 à 1200", "Restauration scolaire");
        assertThat(page.doc().select("caption").text()).contains(Euros.of(invoices.pendingTotal(dupont)));

        Element link = row.selectFirst("a.pdf-link");
        Matcher size = SIZE.matcher(link.text());
        assertThat(size.find()).as(link.text()).isTrue();
        WebSession.Page pdf = session.get(link.attr("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        long bytes = Long.parseLong(pdf.header("Content-Length"));
        assertThat(Long.parseLong(size.group(1))).isEqualTo((bytes + 1023) / 1024);
        assertThat(bytes).isEqualTo(store.pdf(pending.id(), dupont).orElseThrow().length);
    }

    @Test
    void theStoredPdfIsARealInvoiceWithItsLinesAndTotal() {
        long dupont = families.findByNumber("100123").orElseThrow().id();
        InvoiceView pending = store.ofFamily(dupont, List.of(InvoiceState.PENDING)).get(0);

        String text = PdfText.of(store.pdf(pending.id(), dupont).orElseThrow());

        assertThat(text).contains("Ville de Belcourt", "Régie unique", "Facture n° " + pending.number(), "Période facturée : " + pending.period(),
                "Famille DUPONT", "Dossier famille n° 100123", "Quotient familial : " + pending.quotient(),
                "Date d'échéance : " + pending.dueOnText(), "Total à payer : " + pending.totalText(),
                "En ligne", "Au guichet de la Régie unique", "TVA non applicable");
        for (InvoiceView.Line line : pending.lines()) {
            assertThat(text).contains(line.childName(), line.activityName(), line.unitPriceText(), line.amountText(), line.bracket());
        }
        BigDecimal sum = pending.lines().stream().map(InvoiceView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(pending.total()).isEqualByComparingTo(sum);
        // the demo month was priced from its closed day sheets: the PDF says, per child, which days were billed and which not
        assertThat(text).contains("Détail des jours du mois", "Jours facturés", "Jours non facturés");
    }

    @Test
    void theHistoryListsEveryInvoiceWithItsStateAndPayments() {
        WebSession session = session();
        session.login("dupont", "Portail-Demo-2026");

        WebSession.Page page = session.open("/facturation/historique");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("table.history tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.doc().select("table.history .status").eachText()).contains("payée", "en attente");
        assertThat(page.doc().select("table.history .payments").text()).contains("chèque (guichet)");
    }

    @Test
    void theTaxCertificateCountsChildcarePaidForChildrenUnderSix() {
        var dupont = families.findByNumber("100123").orElseThrow();
        int year = Year.now(clock).getValue();
        List<InvoicePdf.CertificateLine> lines = certificates.lines(dupont.id(), year);
        InvoiceView paid = store.ofFamily(dupont.id(), List.of(InvoiceState.PAID)).get(0);
        BigDecimal chloeLeisure = paid.lines().stream().filter(l -> l.childName().equals("Chloé DUPONT"))
                .map(InvoiceView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

        // Chloé (2021) is under 6; Léa (2019) is not, and her meals never count
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.childName()).isEqualTo("Chloé DUPONT");
            assertThat(l.amount()).isEqualByComparingTo(chloeLeisure);
        });
        String text = PdfText.of(certificates.certificate(dupont, year));
        assertThat(text).contains("Attestation fiscale " + year, "Chloé DUPONT", Euros.of(chloeLeisure), "200 quater B")
                .doesNotContain("Léa DUPONT");

        WebSession session = session();
        session.login("dupont", "Portail-Demo-2026");
        WebSession.Page pdf = session.get("/facturation/attestation-fiscale?annee=" + year);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(session.get("/facturation/attestation-fiscale?annee=deux").status()).isEqualTo(400);
        assertThat(session.get("/facturation/attestation-fiscale?annee=" + (year + 1)).status()).isEqualTo(400);
    }

    @Test
    void theCountersOfTheDemoFamily() {
        long dupont = families.findByNumber("100123").orElseThrow().id();
        InvoiceView pending = store.ofFamily(dupont, List.of(InvoiceState.PENDING)).get(0);

        assertThat(invoices.pendingCount(dupont)).isEqualTo(1);
        assertThat(invoices.pendingTotal(dupont)).isEqualByComparingTo(pending.total());
        assertThat(invoices.pending(dupont)).singleElement().satisfies(p -> assertThat(p.number()).isEqualTo(pending.number()));

        // the home tile, the tab and « Mon dossier » read them
        WebSession session = session();
        WebSession.Page home = session.login("dupont", "Portail-Demo-2026");
        assertThat(home.doc().select("#tuile-facturation").text()).contains("Régie unique: 1 facture(s) en attente(s)");
        assertThat(home.doc().select("nav.tabs").text()).contains("Facturation (1)");
        assertThat(session.open("/dossier").doc().select("#factures-en-attente").text())
                .contains("Facture " + pending.number(), pending.amountDueText(), pending.dueOnText());
    }

    @Test
    void anotherFamilyCanNeitherListNorDownloadTheseInvoices() {
        long dupont = families.findByNumber("100123").orElseThrow().id();
        List<Long> dupontIds = jdbc.queryForList("select id from invoice where family_file_id = ?", Long.class, dupont);
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long other = fixtures.family("AUTRE");
        String username = fixtures.account(other, encoder.encode("Autre-Famille-2026"));
        WebSession session = session();
        session.login(username, "Autre-Famille-2026");

        WebSession.Page page = session.open("/facturation");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Aucune facture en attente").doesNotContain("DUPONT");
        assertThat(session.open("/facturation/historique").text()).contains("Aucune facture").doesNotContain("FA-");

        long max = dupontIds.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (long guess = Math.max(1, max - 5); guess <= max + 2; guess++) {
            assertThat(session.get("/facturation/factures/" + guess + "/pdf").status()).as("invoice " + guess).isEqualTo(404);
        }
        assertThat(session.get("/facturation/factures/abc/pdf").status()).isEqualTo(404);
    }
}
