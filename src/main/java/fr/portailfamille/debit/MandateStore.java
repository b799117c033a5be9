package fr.portailfamille.debit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mandates and their events (JdbcClient: the one live mandate per family is held by a partial
 * unique index, a change takes the row's lock).
 */
@Repository
class MandateStore {

    private static final String COLUMNS = """
            id, family_file_id, rum, holder, iban, bic, signed_on, channel, state, recorded_by, created_at, original_iban,
            original_bic, changed_bank, first_collected_on, rejects""";

    private final JdbcClient jdbc;

    MandateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The family's live mandate (active or suspended). */
    Optional<Mandate> live(long familyFileId) {
        return jdbc.sql("select " + COLUMNS + " from debit_mandate where family_file_id = ? and state <> 'REVOQUE'")
                .param(familyFileId).query(MandateStore::mandate).optional();
    }

    /** The family's live mandate, its row locked until the transaction ends. */
    Optional<Mandate> lockLive(long familyFileId) {
        return jdbc.sql("select " + COLUMNS + " from debit_mandate where family_file_id = ? and state <> 'REVOQUE' for update")
                .param(familyFileId).query(MandateStore::mandate).optional();
    }

    Optional<Mandate> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from debit_mandate where id = ?").param(id).query(MandateStore::mandate).optional();
    }

    /** Every mandate of the family, newest first. */
    List<Mandate> ofFamily(long familyFileId) {
        return jdbc.sql("select " + COLUMNS + " from debit_mandate where family_file_id = ? order by id desc")
                .param(familyFileId).query(MandateStore::mandate).list();
    }

    /** A new live mandate; empty when the family already has one (the unique index decides, whoever came first). */
    Optional<Mandate> insert(long familyFileId, String fileNumber, String holder, String iban, String bic, java.time.LocalDate signedOn,
            Mandate.Channel channel, String recordedBy, Instant now) {
        return jdbc.sql("""
                        insert into debit_mandate (family_file_id, rum, holder, iban, bic, signed_on, channel, state, recorded_by, created_at)
                        values (:family, 'PF-' || :fileNumber || '-' || lpad(nextval('debit_mandate_number')::text, 6, '0'),
                                :holder, :iban, :bic, :signedOn, :channel, 'ACTIF', :recordedBy, :now)
                        on conflict (family_file_id) where state in ('ACTIF', 'SUSPENDU') do nothing
                        returning""" + " " + COLUMNS)
                .param("family", familyFileId).param("fileNumber", fileNumber).param("holder", holder).param("iban", iban)
                .param("bic", bic).param("signedOn", signedOn).param("channel", channel.name()).param("recordedBy", recordedBy)
                .param("now", Timestamp.from(now))
                .query(MandateStore::mandate).optional();
    }

    /**
     * A change of holder or account, the RUM kept. The account the bank last saw is kept as the
     * original until a debit carries the amendment; before any debit, the bank has seen none.
     */
    void amend(Mandate mandate, String holder, String iban, String bic, Instant now) {
        boolean accountChanged = !mandate.iban().equals(iban);
        boolean carriesAmendment = accountChanged && mandate.firstCollectedOn() != null;
        String original = mandate.originalIban() != null ? mandate.originalIban() : (carriesAmendment ? mandate.iban() : null);
        String originalBic = mandate.originalIban() != null ? mandate.originalBic() : (carriesAmendment ? mandate.bic() : null);
        boolean changedBank = original != null && !SepaAccounts.bankOf(original).equals(SepaAccounts.bankOf(iban));
        if (original != null && original.equals(iban)) {
            original = null;
            originalBic = null;
            changedBank = false;
        }
        jdbc.sql("""
                        update debit_mandate set holder = :holder, iban = :iban, bic = :bic, original_iban = :original, original_bic = :originalBic,
                               changed_bank = :changedBank, amended_at = :now where id = :id""")
                .param("holder", holder).param("iban", iban).param("bic", bic).param("original", original).param("originalBic", originalBic)
                .param("changedBank", changedBank).param("now", Timestamp.from(now)).param("id", mandate.id()).update();
    }

    void revoke(long mandateId, Instant now) {
        jdbc.sql("update debit_mandate set state = 'REVOQUE', closed_at = ? where id = ?").params(Timestamp.from(now), mandateId).update();
    }

    /** A suspended mandate back in force (new bank details given), its rejects counted afresh. */
    void reactivate(long mandateId) {
        jdbc.sql("update debit_mandate set state = 'ACTIF', rejects = 0 where id = ? and state = 'SUSPENDU'").param(mandateId).update();
    }

    void event(long mandateId, String kind, Instant at, String byWhom, String detail) {
        jdbc.sql("insert into debit_mandate_event (mandate_id, kind, at, by_whom, detail) values (?, ?, ?, ?, ?)")
                .params(mandateId, kind, Timestamp.from(at), byWhom, detail).update();
    }

    /** The events of the family's mandates, newest first. */
    List<MandateEvent> eventsOf(long familyFileId) {
        return jdbc.sql("""
                        select e.kind, e.at, e.by_whom, e.detail from debit_mandate_event e join debit_mandate m on m.id = e.mandate_id
                        where m.family_file_id = ? order by e.at desc, e.id desc""")
                .param(familyFileId).query((rs, n) -> new MandateEvent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4))).list();
    }

    static Mandate mandate(ResultSet rs, int n) throws SQLException {
        java.sql.Date first = rs.getDate("first_collected_on");
        return new Mandate(rs.getLong("id"), rs.getLong("family_file_id"), rs.getString("rum"), rs.getString("holder"), rs.getString("iban"),
                rs.getString("bic"), rs.getDate("signed_on").toLocalDate(), Mandate.Channel.valueOf(rs.getString("channel")),
                Mandate.State.valueOf(rs.getString("state")), rs.getString("recorded_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("original_iban"), rs.getString("original_bic"), rs.getBoolean("changed_bank"),
                first == null ? null : first.toLocalDate(), rs.getInt("rejects"));
    }
}
