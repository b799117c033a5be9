package fr.portailfamille.debit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Direct-debit test data written with SQL: a family with an e-mail and a portal account. The IBANs
 * are fictitious (bank codes 99999 and 99998, which no French bank has) but valid by their RIB key
 * and IBAN check digits.
 */
final class DebitFixtures {

    /** Accounts at the fictitious bank 99999, then one at the fictitious bank 99998. */
    static final String IBAN_1 = "FR7699999000010000000000115";
    static final String IBAN_2 = "FR7699999000010000000000212";
    static final String IBAN_3 = "FR7699999000010000000000309";
    static final String IBAN_OTHER_BANK = "FR7699998000010000000000495";

    static final String PASSWORD = "Prelevement-2026";

    /** A family of the tests: its file, number, name, login and the address it is mailed at. */
    record Family(long id, String number, String name, String username, String email) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    DebitFixtures(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    Family family(String name) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String number = "43" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String fullName = name + tag.toUpperCase();
        long id = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class, number, fullName);
        String email = "prlv-" + tag + "@example.org";
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, 'Élodie', ?)", id, fullName, email);
        String username = "prlv" + tag;
        long account = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', ?, 'Élodie', now()) returning id""", Long.class, username, email, encoder.encode(PASSWORD),
                fullName);
        jdbc.update("update family_file set account_id = ? where id = ?", account, id);
        return new Family(id, number, fullName, username, email);
    }

    /** A published invoice of the family for that month (one line « Restauration scolaire »), due on that day. */
    fr.portailfamille.billing.PendingInvoice invoice(Family family, java.time.YearMonth month, java.time.LocalDate dueOn, String total) {
        String number = "FA-2043-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        long id = jdbc.queryForObject("""
                insert into invoice (family_file_id, family_number, family_name, month, number, state, total, issued_on, due_on, pdf)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning id""", Long.class, family.id(), family.number(), family.name(),
                month.toString(), number, new java.math.BigDecimal(total), dueOn.minusDays(30), dueOn, "%PDF-1.4\n%%EOF\n".getBytes());
        jdbc.update("""
                insert into invoice_line (invoice_id, position, child_id, child_name, child_birth_date, activity_id, activity_name,
                    childcare, unit_label, quantity, unit_price, bracket, sibling_rank, amount)
                values (?, 1, 0, 'Léo', '2020-01-01', 0, 'Restauration scolaire', false, 'repas', 1, ?, 'QF', 1, ?)""",
                id, new java.math.BigDecimal(total), new java.math.BigDecimal(total));
        return new fr.portailfamille.billing.PendingInvoice(id, family.id(), number, "période", new java.math.BigDecimal(total), dueOn);
    }

    /** A family who signed its mandate online, on « Payer par prélèvement » in its own session. */
    Family withMandate(fr.portailfamille.support.WebSession session, String name, String iban) {
        Family family = family(name);
        session.login(family.username(), PASSWORD);
        session.submit(session.open("/facturation/prelevement"), "#signer",
                java.util.Map.of("holder", "Élodie " + family.name(), "iban", iban, "accepted", "true"));
        return family;
    }

    /** An agent of finances logged in on the staff login page, e.g. to download a batch's file. */
    fr.portailfamille.support.WebSession finances(fr.portailfamille.support.WebSession session) {
        session.follow(session.submit(session.get("/agent/connexion"), "form", java.util.Map.of("username", "finances", "password", "demo")));
        return session;
    }

    /**
     * A month no other test uses, from {@code fromYear} on (90 years to draw from), its batch deleted
     * if an earlier run left one: the calling test owns that month's batch.
     */
    java.time.YearMonth monthOfItsOwn(int fromYear) {
        java.time.YearMonth month = java.time.YearMonth.of(fromYear + ThreadLocalRandom.current().nextInt(90),
                1 + ThreadLocalRandom.current().nextInt(12));
        jdbc.update("delete from debit_batch where month = ?", month.toString());
        return month;
    }

    /** Spaces every four characters, as printed on a RIB. */
    static String spaced(String iban) {
        return iban.replaceAll("(.{4})", "$1 ").strip();
    }
}
