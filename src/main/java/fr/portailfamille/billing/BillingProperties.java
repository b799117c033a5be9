package fr.portailfamille.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the billing ({@code billing.*}): when the monthly run starts by itself (6-field cron,
 * Europe/Paris), how sibling ranks are decided, how long families have to pay, and how many
 * families one transaction of the draft step handles, and how many families one job of the
 * notification step mails (over one SMTP connection, committed well within the job's lock time).
 */
@ConfigurationProperties("billing")
record BillingProperties(
        @DefaultValue("0 0 6 1 * ?") String cron,
        @DefaultValue("ELDEST_FIRST") SiblingRankRule siblingRank,
        @DefaultValue("30") int paymentDays,
        @DefaultValue("200") int batchSize,
        @DefaultValue("500") int notifyBatchSize) {}
