package fr.portailfamille.security;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Families of the security tests, made with plain inserts so each test owns its data (never DUPONT's). */
final class SecurityFamilies {

    /** A family file with a child (born 2018) and an active portal account. */
    record Family(long fileId, String name, long childId, String username, String password) {}

    /** One object of each kind of a family: what another family must never reach, what its export must hold. */
    record Objects(long pickupId, long documentId, long registrationId, long invoiceId, long paymentId, String orderId,
            long messageId, long attachmentId, long deskPaymentId) {}

    private SecurityFamilies() {}

    static Family withAccount(JdbcTemplate jdbc, PasswordEncoder encoder, String prefix) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String name = prefix + tag.toUpperCase();
        String username = prefix.toLowerCase() + tag;
        String password = "Mot-de-passe-" + tag;
        long file = jdbc.queryForObject("insert into family_file (number, name) values (?, ?) returning id", Long.class,
                prefix.charAt(0) + tag, name);
        jdbc.update("insert into guardian (family_file_id, last_name, first_name, email) values (?, ?, 'Alex', ?)",
                file, name, username + "@example.org");
        long child = jdbc.queryForObject("insert into child (family_file_id, last_name, first_name, birth_date) values (?, ?, 'Sam', ?) returning id",
                Long.class, file, name, Date.valueOf(LocalDate.of(2018, 3, 1)));
        long account = jdbc.queryForObject("""
                insert into portal_account (username, email, password_hash, status, last_name, first_name, activated_at)
                values (?, ?, ?, 'ACTIVE', ?, 'Alex', now()) returning id""", Long.class, username,
                username + "@example.org", encoder.encode(password), name);
        jdbc.update("update family_file set account_id = ? where id = ?", account, file);
        return new Family(file, name, child, username, password);
    }

    /** An active portal account that the Guichet Unique has not linked to a family file yet: its username (password {@code password}). */
    static String withoutFile(JdbcTemplate jdbc, PasswordEncoder encoder, String password) {
        String username = "sansdossier" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.update("insert into portal_account (username, email, password_hash, status, activated_at) values (?, ?, ?, 'ACTIVE', now())",
                username, username + "@example.org", encoder.encode(password));
        return username;
    }

    /**
     * Gives the family a health sheet, consents, a pick-up person, a document, a validated registration, a booking,
     * an invoice, a pending payment, a message (handled by enfance) and its attachment, a desk payment and its receipt.
     */
    static Objects everything(JdbcTemplate jdbc, Family family) {
        long file = family.fileId();
        long child = family.childId();
        String tag = family.username().substring(family.username().length() - 10);
        jdbc.update("insert into health_sheet (child_id, allergies, doctor_name, updated_at) values (?, ?, 'Dr Soin', now())",
                child, "Allergie " + family.name());
        jdbc.update("insert into consent (child_id, photo, outings, emergency_care, given_at) values (?, true, true, true, now())", child);
        long pickup = jdbc.queryForObject("insert into pickup_person (child_id, last_name, first_name, phone) values (?, ?, 'Max', '0601020304') returning id",
                Long.class, child, family.name());
        long document = jdbc.queryForObject("""
                insert into supporting_document (family_file_id, document_type, file_name, media_type, size_bytes, content)
                values (?, 'ASSURANCE', 'assurance.pdf', 'application/pdf', 4, ?) returning id""", Long.class, file, "%PDF".getBytes());
        long activity = jdbc.queryForObject("select id from activity where code = 'CENTRE_LOISIRS'", Long.class);
        long registration = jdbc.queryForObject("""
                insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
                values (?, ?, ?, 'WEDNESDAY', 'Année', ?, ?, 'VALIDATED') returning id""", Long.class, file, child, activity,
                Date.valueOf(LocalDate.now().minusMonths(1)), Date.valueOf(LocalDate.now().plusMonths(6)));
        jdbc.update("insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at) "
                + "values (?, ?, ?, ?, 'BOOKED', now(), 'DEMO', 'test', now())", file, child, activity, Date.valueOf(LocalDate.now().plusDays(20)));
        long invoice = jdbc.queryForObject("""
                insert into invoice (family_file_id, family_number, family_name, month, number, state, total, due_on, pdf)
                values (?, ?, ?, '2026-01', ?, 'PENDING', 12.00, ?, ?) returning id""", Long.class, file, "N" + tag, family.name(),
                "F" + tag, Date.valueOf(LocalDate.now().plusDays(10)), "%PDF".getBytes());
        String orderId = "P" + tag;
        long payment = jdbc.queryForObject("""
                insert into payment (family_file_id, amount_cents, status, order_id, trans_id, trans_date)
                values (?, 1200, 'PENDING', ?, ?, to_char(now() at time zone 'UTC', 'YYYYMMDDHH24MISS')) returning id""",
                Long.class, file, orderId, String.valueOf(100000 + (int) (Math.random() * 899999)));
        long conversation = jdbc.queryForObject("insert into conversation (family_file_id, service, subject) values (?, 'Enfance', ?) returning id",
                Long.class, file, "Sujet " + family.name());
        long message = jdbc.queryForObject("""
                insert into message (conversation_id, family_file_id, direction, service, subject, body, handling_group)
                values (?, ?, 'FAMILY_TO_SERVICE', 'Enfance', ?, ?, 'enfance') returning id""",
                Long.class, conversation, file, "Sujet " + family.name(), "Texte secret de " + family.name());
        long attachment = jdbc.queryForObject("""
                insert into message_attachment (message_id, file_name, media_type, size_bytes, content)
                values (?, 'note.pdf', 'application/pdf', 4, ?) returning id""", Long.class, message, "%PDF".getBytes());
        long deskPayment = jdbc.queryForObject("""
                insert into desk_payment (family_file_id, mode, amount, recorded_by, receipt_number, receipt_pdf)
                values (?, 'CHEQUE', 12.00, 'guichet', ?, ?) returning id""", Long.class, file, "RG-" + tag, "%PDF".getBytes());
        return new Objects(pickup, document, registration, invoice, payment, orderId, message, attachment, deskPayment);
    }
}
