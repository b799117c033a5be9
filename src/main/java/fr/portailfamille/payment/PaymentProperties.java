package fr.portailfamille.payment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of online payment ({@code portal.payment.*}).
 *
 * @param timeout   how long a payment waits for the gateway's notification before it expires
 * @param gateways  the gateways the town offers, in the order shown (SYSTEMPAY, PAYFIP or both);
 *                  one that is not configured is not offered
 * @param systempay the SystemPay shop
 * @param payfip    the régie's PayFiP account
 */
@ConfigurationProperties("portal.payment")
record PaymentProperties(@DefaultValue("PT30M") Duration timeout, @DefaultValue("SYSTEMPAY") List<PaymentGateway> gateways,
        SystemPayConfiguration systempay, @DefaultValue PayFipConfiguration payfip) {}
