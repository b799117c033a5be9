package fr.portailfamille.debit;

import com.prowidesoftware.swift.model.mx.MxPain00800102;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmendmentInformationDetails6;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CustomerDirectDebitInitiationV02;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransaction6;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation9;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericPersonIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader39;
import com.prowidesoftware.swift.model.mx.dic.LocalInstrument2Choice;
import com.prowidesoftware.swift.model.mx.dic.MandateRelatedInformation6;
import com.prowidesoftware.swift.model.mx.dic.Party6Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation4;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod2Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation20;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentification5;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.SequenceType1Code;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SEPA Core direct-debit file, ISO 20022 {@code pain.008.001.02}, built with the Prowide model
 * (no string template): a group header (message id, creation time, number of transactions and
 * control sum of the whole file, the town as initiating party), then one payment information block
 * per sequence type (FRST for a mandate's first debit or a change of bank, RCUR after), each with its
 * own count and sum, service level {@code SEPA}, local instrument {@code CORE}, the collection date,
 * the town as creditor with its account and its identifier (ICS, scheme {@code SEPA}); each
 * transaction carries its end-to-end id, the amount in euros, the mandate (RUM, signature date,
 * amendment indicator and the original account, or {@code SMNDA} for a change of bank), the
 * debtor's agent (its BIC, or {@code NOTPROVIDED}), name and IBAN, and the invoice number. Names are
 * transliterated to the SEPA character set; a line of zero or less is refused.
 */
final class Pain008 {

    /** The creditor: the town's name, account, BIC (may be blank) and SEPA creditor identifier. */
    record Creditor(String name, String iban, String bic, String creditorId) {}

    /** One debit of the file. */
    record Debit(String endToEndId, BigDecimal amount, String rum, LocalDate signedOn, String debtorName, String debtorIban,
            String debtorBic, boolean first, String originalIban, boolean changedBank, String invoiceNumber) {}

    private Pain008() {}

    static String xml(String messageId, OffsetDateTime createdAt, LocalDate collectionDate, Creditor creditor, List<Debit> debits) {
        if (debits.isEmpty()) {
            throw new IllegalArgumentException("un fichier de prélèvement sans aucun prélèvement");
        }
        for (Debit debit : debits) {
            if (debit.amount() == null || debit.amount().signum() <= 0) {
                throw new IllegalArgumentException("prélèvement " + debit.endToEndId() + " : montant nul ou négatif refusé");
            }
        }
        Map<String, List<Debit>> bySequence = new LinkedHashMap<>();
        bySequence.put("FRST", new ArrayList<>());
        bySequence.put("RCUR", new ArrayList<>());
        debits.forEach(d -> bySequence.get(d.first() || d.changedBank() ? "FRST" : "RCUR").add(d));

        CustomerDirectDebitInitiationV02 initiation = new CustomerDirectDebitInitiationV02();
        initiation.setGrpHdr(new GroupHeader39().setMsgId(messageId).setCreDtTm(createdAt.withNano(0))
                .setNbOfTxs(String.valueOf(debits.size())).setCtrlSum(sum(debits))
                .setInitgPty(new PartyIdentification32().setNm(SepaText.of(creditor.name(), 70))));
        bySequence.forEach((sequence, part) -> {
            if (part.isEmpty()) {
                return;
            }
            PaymentInstructionInformation4 info = new PaymentInstructionInformation4()
                    .setPmtInfId(SepaText.of(messageId + "-" + sequence, 35))
                    .setPmtMtd(PaymentMethod2Code.DD)
                    .setNbOfTxs(String.valueOf(part.size()))
                    .setCtrlSum(sum(part))
                    .setPmtTpInf(new PaymentTypeInformation20()
                            .setSvcLvl(new ServiceLevel8Choice().setCd("SEPA"))
                            .setLclInstrm(new LocalInstrument2Choice().setCd("CORE"))
                            .setSeqTp(SequenceType1Code.fromValue(sequence)))
                    .setReqdColltnDt(collectionDate)
                    .setCdtr(new PartyIdentification32().setNm(SepaText.of(creditor.name(), 70)))
                    .setCdtrAcct(account(creditor.iban()))
                    .setCdtrAgt(agent(creditor.bic()))
                    .setChrgBr(ChargeBearerType1Code.SLEV)
                    .setCdtrSchmeId(schemeId(creditor.creditorId()));
            part.forEach(debit -> info.addDrctDbtTxInf(transaction(debit)));
            initiation.addPmtInf(info);
        });
        return new MxPain00800102().setCstmrDrctDbtInitn(initiation).message();
    }

    private static DirectDebitTransactionInformation9 transaction(Debit debit) {
        MandateRelatedInformation6 mandate = new MandateRelatedInformation6().setMndtId(debit.rum()).setDtOfSgntr(debit.signedOn());
        if (debit.originalIban() != null) {
            mandate.setAmdmntInd(true);
            AmendmentInformationDetails6 details = new AmendmentInformationDetails6();
            if (debit.changedBank()) {
                // another bank: the rulebook's code for « same mandate, new debtor agent »
                details.setOrgnlDbtrAgt(new BranchAndFinancialInstitutionIdentification4().setFinInstnId(
                        new FinancialInstitutionIdentification7().setOthr(new GenericFinancialIdentification1().setId("SMNDA"))));
            } else {
                details.setOrgnlDbtrAcct(account(debit.originalIban()));
            }
            mandate.setAmdmntInfDtls(details);
        } else {
            mandate.setAmdmntInd(false);
        }
        return new DirectDebitTransactionInformation9()
                .setPmtId(new PaymentIdentification1().setEndToEndId(debit.endToEndId()))
                .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy("EUR").setValue(debit.amount().setScale(2, RoundingMode.UNNECESSARY)))
                .setDrctDbtTx(new DirectDebitTransaction6().setMndtRltdInf(mandate))
                .setDbtrAgt(agent(debit.debtorBic()))
                .setDbtr(new PartyIdentification32().setNm(SepaText.of(debit.debtorName(), 70)))
                .setDbtrAcct(account(debit.debtorIban()))
                .setRmtInf(new RemittanceInformation5().addUstrd(SepaText.of("Facture " + debit.invoiceNumber(), 140)));
    }

    private static CashAccount16 account(String iban) {
        return new CashAccount16().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    /** The bank by its BIC, or « NOTPROVIDED » (the IBAN alone identifies it in SEPA). */
    private static BranchAndFinancialInstitutionIdentification4 agent(String bic) {
        FinancialInstitutionIdentification7 id = new FinancialInstitutionIdentification7();
        if (bic == null || bic.isBlank()) {
            id.setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
        } else {
            id.setBIC(bic);
        }
        return new BranchAndFinancialInstitutionIdentification4().setFinInstnId(id);
    }

    private static PartyIdentification32 schemeId(String creditorId) {
        return new PartyIdentification32().setId(new Party6Choice().setPrvtId(new PersonIdentification5().addOthr(
                new GenericPersonIdentification1().setId(creditorId)
                        .setSchmeNm(new PersonIdentificationSchemeName1Choice().setPrtry("SEPA")))));
    }

    private static BigDecimal sum(List<Debit> debits) {
        return debits.stream().map(Debit::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }
}
