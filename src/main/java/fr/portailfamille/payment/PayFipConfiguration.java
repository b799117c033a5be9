package fr.portailfamille.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The régie's PayFiP « Régie Web-service » account ({@code portal.payment.payfip.*}): only URLs and
 * the client number differ between the Treasury and the simulator.
 *
 * @param numcli          the régie's client number given by the DGFiP (6 digits)
 * @param saisie          {@code T} test, {@code X} activation, {@code W} production
 * @param webServiceUrl   the SOAP endpoint of {@code creerPaiementSecurise} and {@code recupererDetailPaiementSecurise}
 * @param paymentPageUrl  the PayFiP page the browser is sent to, with {@code idop}
 * @param notificationUrl our endpoint as PayFiP reaches it ({@code urlnotif})
 * @param returnUrl       where PayFiP sends the browser back ({@code urlredirect}); our reference is added
 * @param timeout         connection and read timeout of a web service call
 * @param requeryDays     how many days back the daily reconciliation asks again about unsettled PayFiP payments
 */
record PayFipConfiguration(
        String numcli,
        @DefaultValue("W") String saisie,
        @DefaultValue("https://www.payfip.gouv.fr/tpa/services/securite") String webServiceUrl,
        @DefaultValue("https://www.payfip.gouv.fr/tpa/paiementws.web") String paymentPageUrl,
        String notificationUrl,
        String returnUrl,
        @DefaultValue("PT20S") Duration timeout,
        @DefaultValue("7") int requeryDays) {

    /** Whether the régie has a client number and a valid mode: PayFiP can be offered. */
    boolean isConfigured() {
        return numcli != null && numcli.matches("[0-9]{6}") && saisie != null && saisie.matches("[TXW]");
    }

    /** The origin of the payment page, for the pages' Content-Security-Policy {@code form-action}. */
    String paymentPageOrigin() {
        URI uri = URI.create(paymentPageUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
