package fr.portailfamille.franceconnect;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Which portal account a FranceConnect identity signs in to (one identity per account, one account per identity). */
@Repository
class IdentityLinks {

    /** A link as the family sees it in « Mon dossier ». */
    record Link(String givenName, String familyName, String birthdate, OffsetDateTime linkedAt) {}

    enum Outcome { LINKED, IDENTITY_LINKED_ELSEWHERE, ACCOUNT_ALREADY_LINKED }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Long> accountOf(String issuer, String subject) {
        return jdbc.sql("select account_id from franceconnect_link where issuer = ? and subject = ?")
                .params(issuer, subject).query(Long.class).optional();
    }

    Optional<Link> linkOf(long accountId) {
        return jdbc.sql("select given_name, family_name, birthdate, linked_at from franceconnect_link where account_id = ?")
                .param(accountId).query(Link.class).optional();
    }

    /** Links the identity to the account, unless either is linked already (the unique keys decide under concurrency). */
    @Transactional
    Outcome link(long accountId, FranceConnectIdentity identity) {
        int inserted = jdbc.sql("""
                insert into franceconnect_link (account_id, issuer, subject, given_name, family_name, birthdate, gender,
                    birthplace, birthcountry, email, linked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(accountId, identity.issuer(), identity.subject(), identity.givenName(), identity.familyName(),
                        identity.birthdate(), identity.gender(), identity.birthplace(), identity.birthcountry(),
                        identity.email(), Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            return Outcome.LINKED;
        }
        return accountOf(identity.issuer(), identity.subject()).filter(a -> a == accountId).isPresent()
                ? Outcome.LINKED
                : linkOf(accountId).isPresent() ? Outcome.ACCOUNT_ALREADY_LINKED : Outcome.IDENTITY_LINKED_ELSEWHERE;
    }

    /** Unlinks: the identity and its claims are deleted (they are kept only as long as the link). */
    @Transactional
    boolean unlink(long accountId) {
        return jdbc.sql("delete from franceconnect_link where account_id = ?").param(accountId).update() == 1;
    }
}
