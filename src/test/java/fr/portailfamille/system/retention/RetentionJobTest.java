package fr.portailfamille.system.retention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention policy on real PostgreSQL: for each rule, data older than the policy (application.yml
 * defaults) is deleted and newer data, or data still in use, is kept; a second run deletes nothing; two
 * runs at once (two nodes) purge once, and a run while another node holds the purge does nothing.
 */
class RetentionJobTest extends PortalIntegrationTest {

    @Autowired
    RetentionJob job;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** The rows of one family file, each inserted with the age given, and whether the policy must purge it. */
    private final class Fixture {
        final long family;
        final List<Row> purged = new ArrayList<>();
        final List<Row> kept = new ArrayList<>();

        Fixture() {
            String number = "R" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
            family = jdbc.sql("insert into family_file (number, name) values (?, 'CONSERVATION') returning id").param(number)
                    .query(Long.class).single();
            long child = jdbc.sql("insert into child (family_file_id, last_name, first_name, birth_date) values (?, 'CONSERVATION', 'Léa', date '2018-05-04') returning id")
                    .param(family).query(Long.class).single();
            long activity = jdbc.sql("select min(id) from activity").query(Long.class).single();

            // messaging: 2 years after the last message, with messages and attachments
            long oldConversation = conversation("3 years");
            long oldMessage = message(oldConversation);
            long oldAttachment = insert("insert into message_attachment (message_id, file_name, media_type, size_bytes, content) values (?, 'pj.pdf', 'application/pdf', 3, 'abc') returning id", oldMessage);
            purged.add(new Row("conversation", oldConversation));
            purged.add(new Row("message", oldMessage));
            purged.add(new Row("message_attachment", oldAttachment));
            long recent = conversation("23 months");
            kept.add(new Row("conversation", recent));
            kept.add(new Row("message", message(recent)));

            // supporting documents: refused after 3 months, accepted 1 year after validity, never one still to check
            purged.add(new Row("supporting_document", document("REFUSE", "4 months", null)));
            kept.add(new Row("supporting_document", document("REFUSE", "2 months", null)));
            purged.add(new Row("supporting_document", document("ACCEPTE", "3 years", "13 months")));
            kept.add(new Row("supporting_document", document("ACCEPTE", "3 years", "11 months")));
            kept.add(new Row("supporting_document", document("ACCEPTE", "8 years", null)));
            kept.add(new Row("supporting_document", document("A_VERIFIER", "5 years", null)));

            // links: 30 days after used, replaced or expired; a live link is kept
            purged.add(new Row("account_token", token("now() + interval '1 day'", "now() - interval '31 days'", "null")));
            purged.add(new Row("account_token", token("now() - interval '31 days'", "null", "null")));
            purged.add(new Row("account_token", token("now() + interval '1 day'", "null", "now() - interval '40 days'")));
            kept.add(new Row("account_token", token("now() - interval '29 days'", "null", "null")));
            kept.add(new Row("account_token", token("now() + interval '1 day'", "null", "null")));

            // planning: revoked feed tokens after 30 days, booking traces after 2 years
            purged.add(new Row("planning_feed", insert("insert into planning_feed (family_file_id, token_hash, created_at, revoked_at) values (?, '" + hash() + "', now() - interval '1 year', now() - interval '31 days') returning id", family)));
            kept.add(new Row("planning_feed", insert("insert into planning_feed (family_file_id, token_hash, created_at, revoked_at) values (?, '" + hash() + "', now() - interval '1 year', now() - interval '29 days') returning id", family)));
            kept.add(new Row("planning_feed", insert("insert into planning_feed (family_file_id, token_hash, created_at) values (?, '" + hash() + "', now() - interval '5 years') returning id", family)));
            long booking = jdbc.sql("""
                    insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                    values (?, ?, ?, current_date - 1000, 'BOOKED', now(), 'PLANNING', 'test', now()) returning id""")
                    .params(family, child, activity).query(Long.class).single();
            kept.add(new Row("booking", booking));
            purged.add(new Row("booking_audit", audit(booking, "25 months")));
            kept.add(new Row("booking_audit", audit(booking, "23 months")));

            // invoices and payments: 10 years after the end of their year; an unpaid invoice or an open payment is kept
            purged.add(new Row("invoice", invoice("PAID", 11)));
            purged.add(new Row("invoice", invoice("CANCELLED", 11)));
            kept.add(new Row("invoice", invoice("PAID", 10)));
            kept.add(new Row("invoice", invoice("PENDING", 12)));
            purged.add(new Row("desk_payment", deskPayment(11)));
            kept.add(new Row("desk_payment", deskPayment(10)));
            purged.add(new Row("payment", payment("PAID", 11)));
            kept.add(new Row("payment", payment("PAID", 10)));
            kept.add(new Row("payment", payment("REVIEW", 12)));
            purged.add(new Row("payment_notification", notification(11)));
            kept.add(new Row("payment_notification", notification(10)));

            // SEPA mandates: a revoked one 13 months after its revocation, with its history; a live one never.
            // The debit sent under the purged mandate stays with its invoice (10 years), without the mandate.
            long revokedLongAgo = mandate("REVOQUE", "14 months");
            purged.add(new Row("debit_mandate", revokedLongAgo));
            purged.add(new Row("debit_mandate_event", insert("insert into debit_mandate_event (mandate_id, kind, at, by_whom) values (?, 'REVOQUE', now() - interval '14 months', 'famille') returning id", revokedLongAgo)));
            kept.add(new Row("debit_mandate", mandate("REVOQUE", "12 months")));
            kept.add(new Row("debit_mandate", mandate("ACTIF", null)));
            long batch = jdbc.sql("insert into debit_batch (month, business_key, collection_date, state, created_at) values ('2197-01', 'PRLV-2197-01', date '2197-02-10', 'TRANSMIS', now()) on conflict (month) do update set state = excluded.state returning id")
                    .query(Long.class).single();
            long paid = invoice("PAID", 1);
            kept.add(new Row("invoice", paid));
            debitUnderPurgedMandate = jdbc.sql("insert into debit_transaction (batch_id, invoice_id, invoice_number, family_file_id, mandate_id, end_to_end_id, amount, state, created_at) values (?, ?, 'FA-T', ?, ?, ?, 10, 'TRANSMIS', now() - interval '2 years') returning id")
                    .params(batch, paid, family, revokedLongAgo, "PRLV-2197-01-" + hash().substring(0, 16)).query(Long.class).single();
            kept.add(new Row("debit_transaction", debitUnderPurgedMandate));
        }

        final long debitUnderPurgedMandate;

        /** A mandate of the file created 5 years ago, revoked that long ago (or live when {@code revokedAgo} is null). */
        private long mandate(String state, String revokedAgo) {
            String closedAt = revokedAgo == null ? "null" : "now() - interval '" + revokedAgo + "'";
            return jdbc.sql("insert into debit_mandate (family_file_id, rum, holder, iban, signed_on, channel, state, created_at, closed_at) values (?, ?, 'Léa CONSERVATION', 'FR7630006000011234567890189', current_date - 1800, 'EN_LIGNE', ?, now() - interval '5 years', "
                    + closedAt + ") returning id").params(family, "PF-R-" + hash().substring(0, 20), state).query(Long.class).single();
        }

        private long conversation(String age) {
            return insert("insert into conversation (family_file_id, service, subject, created_at, last_message_at) values (?, 'Enfance', 'Question', now() - interval '" + age + "', now() - interval '" + age + "') returning id", family);
        }

        private long message(long conversation) {
            return jdbc.sql("insert into message (conversation_id, family_file_id, direction, service, subject, body, sent_at) select id, family_file_id, 'FAMILY_TO_SERVICE', service, subject, 'Bonjour', last_message_at from conversation where id = ? returning id")
                    .param(conversation).query(Long.class).single();
        }

        private long document(String state, String uploaded, String validityEnded) {
            String validUntil = validityEnded == null ? "null" : "current_date - interval '" + validityEnded + "'";
            return insert("insert into supporting_document (family_file_id, document_type, valid_until, uploaded_at, state, content, size_bytes, media_type, file_name) values (?, 'QUOTIENT', "
                    + validUntil + ", now() - interval '" + uploaded + "', '" + state + "', 'abc', 3, 'application/pdf', 'caf.pdf') returning id", family);
        }

        private long token(String expiresAt, String usedAt, String revokedAt) {
            return jdbc.sql("insert into account_token (purpose, token_hash, expires_at, used_at, revoked_at, created_at) values ('PASSWORD_RESET', ?, "
                    + expiresAt + ", " + usedAt + ", " + revokedAt + ", now() - interval '60 days') returning id").param(hash()).query(Long.class).single();
        }

        private long audit(long booking, String age) {
            return jdbc.sql("insert into booking_audit (booking_id, child_id, activity_id, day, state_after, actor, at) select id, child_id, activity_id, day, 'BOOKED', 'test', now() - interval '" + age + "' from booking where id = ? returning id")
                    .param(booking).query(Long.class).single();
        }

        /** An invoice issued on 1 January, {@code yearsAgo} calendar years ago. */
        private long invoice(String state, int yearsAgo) {
            String issued = "make_date(extract(year from current_date)::int - " + yearsAgo + ", 1, 1)";
            return jdbc.sql("insert into invoice (family_file_id, family_number, family_name, month, number, state, total, paid_amount, issued_on, pdf, created_at) values (?, 'R', 'CONSERVATION', to_char("
                    + issued + ", 'YYYY-MM'), ?, ?, 10, 0, " + issued + ", 'pdf', " + issued + ") returning id")
                    .params(family, "FA-T-" + hash().substring(0, 12), state).query(Long.class).single();
        }

        private long deskPayment(int yearsAgo) {
            return insert("insert into desk_payment (family_file_id, mode, amount, received_at, recorded_by) values (?, 'CHEQUE', 10, make_date(extract(year from current_date)::int - "
                    + yearsAgo + ", 1, 2), 'finances') returning id", family);
        }

        private long payment(String status, int yearsAgo) {
            String transId = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            String when = "make_date(extract(year from current_date)::int - " + yearsAgo + ", 1, 2)";
            return jdbc.sql("insert into payment (family_file_id, amount_cents, status, order_id, trans_id, trans_date, created_at, updated_at) values (?, 1000, ?, ?, ?, to_char("
                    + when + ", 'YYYYMMDD') || '101010', " + when + ", " + when + ") returning id")
                    .params(family, status, "T" + hash().substring(0, 20), transId).query(Long.class).single();
        }

        private long notification(int yearsAgo) {
            return jdbc.sql("insert into payment_notification (received_at, raw_fields) values (make_date(extract(year from current_date)::int - "
                    + yearsAgo + ", 1, 2), 'vads_order_id=T') returning id").query(Long.class).single();
        }

        private long insert(String sql, long param) {
            return jdbc.sql(sql).param(param).query(Long.class).single();
        }
    }

    private record Row(String table, long id) {}

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private boolean exists(Row row) {
        return jdbc.sql("select count(*) from " + row.table() + " where id = ?").param(row.id()).query(Long.class).single() == 1;
    }

    private void assertPurgedAndKept(Fixture fixture) {
        assertThat(fixture.purged).as("older than the policy: purged").noneMatch(this::exists);
        assertThat(fixture.kept).as("newer than the policy, or still in use: kept").allMatch(this::exists);
    }

    @Test
    void olderThanThePolicyIsPurgedNewerIsKeptAndASecondRunChangesNothing() {
        Fixture fixture = new Fixture();
        assertThat(fixture.purged).allMatch(this::exists);

        Map<String, Integer> first = job.run().orElseThrow();

        assertPurgedAndKept(fixture);
        assertThat(first).containsKeys("messagerie.conversations", "dossier.justificatifs-refuses", "dossier.justificatifs-expires",
                "compte.liens", "planning.flux-revoques", "planning.traces-reservations", "facturation.factures",
                "facturation.paiements-guichet", "paiement.paiements-en-ligne", "paiement.notifications", "prelevement.mandats-revoques");
        assertThat(first.get("prelevement.mandats-revoques")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select mandate_id is null from debit_transaction where id = ?").param(fixture.debitUnderPurgedMandate)
                .query(Boolean.class).single()).as("the debit kept, its mandate gone").isTrue();
        assertThat(first.get("dossier.justificatifs-refuses")).isGreaterThanOrEqualTo(1);
        assertThat(first.get("compte.liens")).isGreaterThanOrEqualTo(3);
        assertThat(first.get("facturation.factures")).isGreaterThanOrEqualTo(2);

        Map<String, Integer> second = job.run().orElseThrow();
        assertThat(second.values()).as("nothing left to purge: " + second).allMatch(count -> count == 0);
        assertPurgedAndKept(fixture);
    }

    @Test
    void twoRunsAtOnceOnTwoNodesPurgeOnceWithoutDeadlock() throws Exception {
        Fixture fixture = new Fixture();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Map<String, Integer>>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return job.run();
                }));
            }
            List<Optional<Map<String, Integer>>> results = new ArrayList<>();
            for (Future<Optional<Map<String, Integer>>> run : runs) {
                results.add(run.get(2, TimeUnit.MINUTES));
            }
            assertPurgedAndKept(fixture);
            // either one node ran while the other skipped, or they ran one after the other and the second found nothing
            int conversationsDeleted = results.stream().flatMap(Optional::stream).mapToInt(r -> r.get("messagerie.conversations")).sum();
            int invoicesDeleted = results.stream().flatMap(Optional::stream).mapToInt(r -> r.get("facturation.factures")).sum();
            assertThat(results).anyMatch(Optional::isPresent);
            assertThat(conversationsDeleted).as("each old conversation counted once").isEqualTo(
                    results.stream().flatMap(Optional::stream).mapToInt(r -> r.get("messagerie.conversations")).max().orElseThrow());
            assertThat(invoicesDeleted).isGreaterThanOrEqualTo(2);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aRunWhileAnotherNodeHoldsThePurgeDoesNothing() throws Exception {
        Fixture fixture = new Fixture();
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (var lock = otherNode.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RetentionJob.LOCK_KEY);
                lock.execute();
            }
            assertThat(job.run()).as("the other node is purging").isEmpty();
            assertThat(fixture.purged).as("nothing deleted by the node that skipped").allMatch(this::exists);
            otherNode.rollback();
        }
        assertThat(job.run()).isPresent();
        assertPurgedAndKept(fixture);
    }
}
