package fr.portailfamille.system.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The town's retention policy ({@code portal.retention.*}): how long each kind of data is kept once it
 * is no longer needed. The defaults, and the reason for each, are in application.yml and docs/security.md.
 *
 * @param cron               when the purge runs (Spring cron, town time; {@code -} turns the schedule off)
 * @param conversations      a conversation (messages and attachments) after its last message
 * @param refusedDocuments   a refused supporting document after its upload
 * @param expiredDocuments   a supporting document after the end of its validity
 * @param usedTokens         an activation or password-reset link after it was used, revoked or expired
 * @param revokedFeeds       a revoked iCalendar feed token after its revocation
 * @param bookingAudit       the trace of a booking change after the change
 * @param invoices           a paid or cancelled invoice (with its PDF, lines, desk payments) after its year of issue
 * @param onlinePayments     an online payment and the gateway's notifications after their year
 * @param quotientFetches    a call to API Particulier (its outcome and the value read), a withdrawn consent, and a
 *                           family's line of a yearly refresh report, after it
 * @param camundaHistoryMax  the longest history time to live a deployed process or decision may have
 */
@ConfigurationProperties("portal.retention")
public record RetentionProperties(
        String cron,
        Period conversations,
        Period refusedDocuments,
        Period expiredDocuments,
        Period usedTokens,
        Period revokedFeeds,
        Period bookingAudit,
        Period invoices,
        Period onlinePayments,
        Period quotientFetches,
        Period camundaHistoryMax) {}
