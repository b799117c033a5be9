package fr.portailfamille.debit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.MxPain00800102;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation9;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation4;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pain.008.001.02 file written by {@link Pain008}, parsed back with the same ISO 20022 model and
 * checked field by field: header totals, one block per sequence type with its own totals, service
 * level and local instrument, the creditor and its identifier, each debit's mandate, amendment,
 * debtor and remittance, accents transliterated; zero or negative lines refused.
 */
class Pain008Test {

    private static final Pain008.Creditor TOWN = new Pain008.Creditor("Ville de Belcourt – Régie unique", "FR7699999000010001234567809", "",
            "FR04ZZZ900001");
    private static final LocalDate COLLECTION = LocalDate.of(2026, 12, 15);

    @Test
    void theFileParsesBackWithEveryFieldTheBankReads() {
        List<Pain008.Debit> debits = List.of(
                new Pain008.Debit("PRLV-2026-11-000001", new BigDecimal("45.50"), "PF-100123-000001", LocalDate.of(2026, 11, 2),
                        "Élodie Câlin-Œuvray", DebitFixtures.IBAN_1, null, true, null, false, "FA-2026-000101"),
                new Pain008.Debit("PRLV-2026-11-000002", new BigDecimal("12.00"), "PF-100124-000002", LocalDate.of(2025, 9, 1),
                        "Jérôme N'Diaye & fils", DebitFixtures.IBAN_2, "AGRIFRPP882", false, DebitFixtures.IBAN_3, false, "FA-2026-000102"),
                new Pain008.Debit("PRLV-2026-11-000003", new BigDecimal("100"), "PF-100125-000003", LocalDate.of(2025, 1, 10),
                        "Zoé Müller", DebitFixtures.IBAN_OTHER_BANK, null, false, DebitFixtures.IBAN_3, true, "FA-2026-000103"),
                new Pain008.Debit("PRLV-2026-11-000004", new BigDecimal("0.01"), "PF-100126-000004", LocalDate.of(2025, 1, 10),
                        "Léa Dupont", DebitFixtures.IBAN_3, null, false, null, false, "FA-2026-000104"));

        String xml = Pain008.xml("PRLV-2026-11-1", OffsetDateTime.of(2026, 12, 2, 7, 0, 0, 0, ZoneOffset.ofHours(1)), COLLECTION, TOWN, debits);

        assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02").doesNotContain("É", "â", "Œ", "ü", "–", "&amp;");
        MxPain00800102 file = MxPain00800102.parse(xml);
        var header = file.getCstmrDrctDbtInitn().getGrpHdr();
        assertThat(header.getMsgId()).isEqualTo("PRLV-2026-11-1");
        assertThat(header.getNbOfTxs()).isEqualTo("4");
        assertThat(header.getCtrlSum()).isEqualByComparingTo("157.51");
        assertThat(header.getCreDtTm().toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(header.getInitgPty().getNm()).isEqualTo("Ville de Belcourt Regie unique");

        List<PaymentInstructionInformation4> blocks = file.getCstmrDrctDbtInitn().getPmtInf();
        assertThat(blocks).extracting(b -> b.getPmtTpInf().getSeqTp().value()).containsExactly("FRST", "RCUR");
        PaymentInstructionInformation4 first = blocks.get(0);
        PaymentInstructionInformation4 recurring = blocks.get(1);
        assertThat(first.getNbOfTxs()).isEqualTo("2");
        assertThat(first.getCtrlSum()).isEqualByComparingTo("145.50");
        assertThat(recurring.getNbOfTxs()).isEqualTo("2");
        assertThat(recurring.getCtrlSum()).isEqualByComparingTo("12.01");
        for (PaymentInstructionInformation4 block : blocks) {
            assertThat(block.getPmtMtd().value()).isEqualTo("DD");
            assertThat(block.getPmtTpInf().getSvcLvl().getCd()).isEqualTo("SEPA");
            assertThat(block.getPmtTpInf().getLclInstrm().getCd()).isEqualTo("CORE");
            assertThat(block.getReqdColltnDt()).isEqualTo(COLLECTION);
            assertThat(block.getCdtr().getNm()).isEqualTo("Ville de Belcourt Regie unique");
            assertThat(block.getCdtrAcct().getId().getIBAN()).isEqualTo("FR7699999000010001234567809");
            assertThat(block.getCdtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
            var scheme = block.getCdtrSchmeId().getId().getPrvtId().getOthr().get(0);
            assertThat(scheme.getId()).isEqualTo("FR04ZZZ900001");
            assertThat(scheme.getSchmeNm().getPrtry()).isEqualTo("SEPA");
            assertThat(block.getDrctDbtTxInf()).allSatisfy(tx -> {
                assertThat(tx.getInstdAmt().getCcy()).isEqualTo("EUR");
                assertThat(tx.getInstdAmt().getValue().signum()).isPositive();
            });
        }

        DirectDebitTransactionInformation9 newMandate = first.getDrctDbtTxInf().get(0);
        assertThat(newMandate.getPmtId().getEndToEndId()).isEqualTo("PRLV-2026-11-000001");
        assertThat(newMandate.getInstdAmt().getValue()).isEqualByComparingTo("45.50");
        assertThat(newMandate.getDrctDbtTx().getMndtRltdInf().getMndtId()).isEqualTo("PF-100123-000001");
        assertThat(newMandate.getDrctDbtTx().getMndtRltdInf().getDtOfSgntr()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(newMandate.getDrctDbtTx().getMndtRltdInf().isAmdmntInd()).isFalse();
        assertThat(newMandate.getDbtr().getNm()).isEqualTo("Elodie Calin-OEuvray");
        assertThat(newMandate.getDbtrAcct().getId().getIBAN()).isEqualTo(DebitFixtures.IBAN_1);
        assertThat(newMandate.getDbtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
        assertThat(newMandate.getRmtInf().getUstrd()).containsExactly("Facture FA-2026-000101");

        DirectDebitTransactionInformation9 otherBank = first.getDrctDbtTxInf().get(1);
        assertThat(otherBank.getDbtr().getNm()).isEqualTo("Zoe Muller");
        assertThat(otherBank.getDrctDbtTx().getMndtRltdInf().isAmdmntInd()).isTrue();
        assertThat(otherBank.getDrctDbtTx().getMndtRltdInf().getAmdmntInfDtls().getOrgnlDbtrAgt().getFinInstnId().getOthr().getId())
                .isEqualTo("SMNDA");

        DirectDebitTransactionInformation9 amended = recurring.getDrctDbtTxInf().get(0);
        assertThat(amended.getDbtr().getNm()).isEqualTo("Jerome N'Diaye + fils");
        assertThat(amended.getDbtrAgt().getFinInstnId().getBIC()).isEqualTo("AGRIFRPP882");
        assertThat(amended.getDrctDbtTx().getMndtRltdInf().isAmdmntInd()).isTrue();
        assertThat(amended.getDrctDbtTx().getMndtRltdInf().getAmdmntInfDtls().getOrgnlDbtrAcct().getId().getIBAN())
                .isEqualTo(DebitFixtures.IBAN_3);
        assertThat(recurring.getDrctDbtTxInf().get(1).getDrctDbtTx().getMndtRltdInf().isAmdmntInd()).isFalse();
    }

    @Test
    void aLineOfZeroOrLessIsRefused() {
        for (String amount : List.of("0.00", "-3.00")) {
            Pain008.Debit debit = new Pain008.Debit("E2E-1", new BigDecimal(amount), "PF-1-000001", LocalDate.of(2026, 1, 1), "X",
                    DebitFixtures.IBAN_1, null, true, null, false, "FA-1");
            assertThatThrownBy(() -> Pain008.xml("M1", OffsetDateTime.now(ZoneOffset.UTC), COLLECTION, TOWN, List.of(debit)))
                    .hasMessageContaining("montant nul ou négatif");
        }
    }

    @Test
    void namesKeepOnlyTheSepaCharacterSet() {
        assertThat(SepaText.of("Ève « L'Haÿ-les-Roses » n°3 – Æsop", 70)).isEqualTo("Eve L'Hay-les-Roses n 3 AEsop");
        assertThat(SepaText.of("a".repeat(80), 70)).hasSize(70);
    }
}
