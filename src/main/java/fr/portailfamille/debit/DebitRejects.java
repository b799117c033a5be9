package fr.portailfamille.debit;

import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInformation1;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransactionInformation25;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation8;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.system.Euros;
import fr.portailfamille.system.mail.MailService;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's return after a batch went out: a pain.002.001.03 status report (read with the Prowide
 * ISO 20022 model) or a CSV of rejected end-to-end ids with their reason code. Each rejected debit
 * puts its invoice back to unpaid (card and desk payment offered again, « Facturation » saying
 * « rejeté par votre banque » with the reason), the family is mailed, and a mandate's second reject
 * suspends it. An id already rejected changes nothing (the same file imported twice); an unknown id
 * is listed for finances.
 */
@Service
class DebitRejects {

    /** What an import did: the debits rejected now, those rejected by an earlier import, the ids the portal does not know. */
    record Outcome(List<String> rejected, List<String> alreadyRejected, List<String> unknown, List<String> suspended) {}

    /** One line of the bank's return. */
    record Reject(String endToEndId, String code) {}

    /** A file the portal cannot read: its French reason. */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }

    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Rejects of a mandate after which it is suspended. */
    static final int REJECTS_BEFORE_SUSPENSION = 2;

    /** The SEPA reason codes a bank gives most, in the words of the family's page. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("AC01", "compte erroné"), Map.entry("AC04", "compte clôturé"), Map.entry("AC06", "compte bloqué"),
            Map.entry("AG01", "compte n'acceptant pas le prélèvement"), Map.entry("AM04", "provision insuffisante"),
            Map.entry("MD01", "pas de mandat"), Map.entry("MD02", "mandat incomplet"), Map.entry("MD06", "remboursement demandé"),
            Map.entry("MD07", "titulaire décédé"), Map.entry("MS02", "refus du titulaire"), Map.entry("MS03", "raison non communiquée"),
            Map.entry("RR01", "identification du titulaire manquante"), Map.entry("SL01", "service particulier de la banque"));

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final FamilyFiles families;
    private final MailService mail;
    private final MandateStore mandates;
    private final DebitBatches batches;
    private final Clock clock;

    DebitRejects(JdbcClient jdbc, Invoices invoices, FamilyFiles families, MailService mail, MandateStore mandates, DebitBatches batches,
            Clock clock) {
        this.mandates = mandates;
        this.batches = batches;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.families = families;
        this.mail = mail;
        this.clock = clock;
    }

    /** Reads the bank's file: a pain.002.001.03 when it is XML, else a CSV « end-to-end id ; code ». */
    static List<Reject> read(byte[] content) {
        if (content.length == 0) {
            throw new UnreadableFile("Le fichier est vide.");
        }
        if (content.length > MAX_BYTES) {
            throw new UnreadableFile("Le fichier dépasse 2 Mo : un retour de banque n'est jamais si gros. Vérifiez qu'il s'agit du bon fichier.");
        }
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return text.startsWith("<") ? pain002(text) : csv(text);
    }

    private static List<Reject> pain002(String xml) {
        if (!xml.contains("pain.002.001.03")) {
            throw new UnreadableFile("Ce fichier XML n'est pas un rapport de statut pain.002.001.03 : importez le retour de prélèvements de la banque.");
        }
        MxPain00200103 report;
        try {
            report = MxPain00200103.parse(xml);
        } catch (RuntimeException e) {
            report = null;
        }
        if (report == null || report.getCstmrPmtStsRpt() == null) {
            throw new UnreadableFile("Le rapport pain.002 n'a pas pu être lu : le fichier est incomplet ou mal formé.");
        }
        List<Reject> rejects = new ArrayList<>();
        for (OriginalPaymentInformation1 block : report.getCstmrPmtStsRpt().getOrgnlPmtInfAndSts()) {
            for (PaymentTransactionInformation25 tx : block.getTxInfAndSts()) {
                boolean rejected = tx.getTxSts() != null && tx.getTxSts().value().equals("RJCT");
                if (rejected && tx.getOrgnlEndToEndId() != null) {
                    String code = tx.getStsRsnInf().stream().map(StatusReasonInformation8::getRsn).filter(r -> r != null && r.getCd() != null)
                            .map(r -> r.getCd()).findFirst().orElse("MS03");
                    rejects.add(new Reject(tx.getOrgnlEndToEndId().strip(), code));
                }
            }
        }
        return rejects;
    }

    private static List<Reject> csv(String text) {
        List<Reject> rejects = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("[;,\\t]");
            String id = cells[0].strip().replace("\"", "");
            String code = cells.length > 1 ? cells[1].strip().replace("\"", "").toUpperCase(Locale.ROOT) : "";
            if (number == 1 && id.matches("[\\p{L} _'-]+") && !code.matches("[A-Z0-9]{4}")) {
                continue; // a header line
            }
            if (id.isEmpty() || id.length() > 35 || !id.matches("[A-Za-z0-9/\\-?:().,'+ ]+") || !code.matches("[A-Z0-9]{4}")) {
                throw new UnreadableFile("Ligne " + number + " illisible : chaque ligne donne la référence de bout en bout du prélèvement "
                        + "(35 caractères au plus) et le code motif du rejet à 4 caractères, séparés par un point-virgule, par exemple "
                        + "« PRLV-2026-11-FA-2026-000123;AM04 ».");
            }
            rejects.add(new Reject(id, code));
        }
        if (rejects.isEmpty()) {
            throw new UnreadableFile("Le fichier ne contient aucun rejet.");
        }
        return rejects;
    }

    /** Applies the rejects, each once: importing the same file again changes nothing. */
    @Transactional
    Outcome apply(List<Reject> rejects) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, Reject> distinct = new LinkedHashMap<>();
        rejects.forEach(r -> distinct.putIfAbsent(r.endToEndId(), r));
        for (Reject reject : distinct.values()) {
            String reason = reasonOf(reject.code());
            var rejected = jdbc.sql("""
                            update debit_transaction t set state = 'REJETE', reject_code = ?, reject_reason = ?, rejected_at = ?
                            from debit_batch b where b.id = t.batch_id and t.end_to_end_id = ? and t.state = 'TRANSMIS'
                            returning t.invoice_id, t.invoice_number, t.family_file_id, t.mandate_id, t.amount, b.collection_date""")
                    .params(reject.code(), reason, Timestamp.from(clock.instant()), reject.endToEndId())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4),
                            rs.getBigDecimal(5), rs.getDate(6).toLocalDate()}).optional();
            if (rejected.isEmpty()) {
                boolean known = jdbc.sql("select count(*) from debit_transaction where end_to_end_id = ? and state = 'REJETE'")
                        .param(reject.endToEndId()).query(Integer.class).single() > 0;
                (known ? outcome.alreadyRejected() : outcome.unknown()).add(reject.endToEndId());
                continue;
            }
            Object[] row = rejected.get();
            long invoiceId = (Long) row[0];
            String invoiceNumber = (String) row[1];
            long familyId = (Long) row[2];
            Long mandateId = (Long) row[3];
            invoices.reverseDirectDebit(invoiceId);
            outcome.rejected().add(reject.endToEndId() + " – facture " + invoiceNumber + " (" + reason + ")");
            boolean suspended = mandateId != null && suspendAfterRejects(mandateId, reason);
            if (suspended) {
                outcome.suspended().add(families.find(familyId).map(f -> f.name() + " (dossier " + f.number() + ")").orElse("dossier " + familyId));
            }
            mailFamily(familyId, invoiceNumber, (BigDecimal) row[4], (java.time.LocalDate) row[5], reason, suspended);
        }
        return outcome;
    }

    private boolean suspendAfterRejects(long mandateId, String reason) {
        int rejects = jdbc.sql("update debit_mandate set rejects = rejects + 1 where id = ? returning rejects").param(mandateId)
                .query(Integer.class).single();
        mandates.event(mandateId, "REJET", clock.instant(), "banque", reason);
        if (rejects < REJECTS_BEFORE_SUSPENSION) {
            return false;
        }
        int suspended = jdbc.sql("update debit_mandate set state = 'SUSPENDU' where id = ? and state = 'ACTIF'").param(mandateId).update();
        if (suspended > 0) {
            mandates.event(mandateId, "SUSPENDU", clock.instant(), "portail", rejects + " prélèvements rejetés");
            // the next month's debit, if it waits in a batch not transmitted yet, does not go either
            batches.followMandate(mandateId);
        }
        return suspended > 0;
    }

    private void mailFamily(long familyId, String invoiceNumber, BigDecimal amount, java.time.LocalDate day, String reason, boolean suspended) {
        families.find(familyId).ifPresent(family -> {
            Map<String, Object> model = Map.of("invoice", invoiceNumber, "amount", Euros.of(amount), "day", PortalTime.DATE.format(day),
                    "reason", reason, "suspended", suspended);
            family.emails().forEach(to -> mail.sendAfterCommit(new MailService.Mail(to,
                    "Prélèvement rejeté par votre banque – facture " + invoiceNumber, "debit-reject", model)));
        });
    }

    static String reasonOf(String code) {
        String words = REASONS.get(code);
        return words == null ? "motif " + code : words + ", motif " + code;
    }
}
