package fr.portailfamille.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of online payment ({@code portal.payment.*}).
 *
 * @param timeout   how long a payment waits for the gateway's notification before it expires
 * @param systempay the SystemPay shop
 */
@ConfigurationProperties("portal.payment")
record PaymentProperties(@DefaultValue("PT30M") Duration timeout, SystemPayConfiguration systempay) {}
