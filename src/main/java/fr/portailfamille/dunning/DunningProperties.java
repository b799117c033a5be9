package fr.portailfamille.dunning;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reminders ({@code portal.dunning.*}): the delays (calendar days, the reminder
 * moved to the next working day of the town), the hour reminders go out, the smallest amount worth
 * a « titre de recette », how many processes one transaction starts and how often the starter looks
 * for invoices to follow, and the town's wording of the reminders.
 */
@ConfigurationProperties("portal.dunning")
record DunningProperties(
        @DefaultValue("10") int firstReminderDays,
        @DefaultValue("20") int secondReminderDays,
        @DefaultValue("9") int reminderHour,
        @DefaultValue("15.00") BigDecimal handOverMinimum,
        @DefaultValue("200") int startBatchSize,
        @DefaultValue("PT1M") java.time.Duration startEvery,
        ReminderWording wording) {}
