package fr.portailfamille.billing;

import org.springframework.stereotype.Component;

/**
 * The timer start event of {@code monthlyBilling} reads its cron here ({@code ${billingSchedule.cron}}):
 * a timer start event cannot read process variables, but it can call a Spring bean (public for the
 * expression language, not an API of the module).
 */
@Component("billingSchedule")
public class BillingSchedule {

    private final BillingProperties properties;

    BillingSchedule(BillingProperties properties) {
        this.properties = properties;
    }

    public String getCron() {
        return properties.cron();
    }
}
