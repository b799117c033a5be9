package fr.portailfamille.payment;

import fr.portailfamille.system.PortalTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PayFiP « Régie Web-service » adapter: the operation asked for a payment
 * ({@code creerPaiementSecurise}), the PayFiP page the browser goes to, and the checks of the
 * Treasury's detail of an operation before anything is believed: it must be the operation of this
 * payment ({@code idOp}, {@code refdet}) for our régie ({@code numcli}) and year ({@code exer}).
 * The amount is checked when it is applied: money taken for a different amount goes to finances.
 */
class PayFipGateway {

    /** What an idOp may look like before anything is asked about it (the Treasury's are UUID-like). */
    private static final Pattern ID_OP = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Why the Treasury's detail is not about this payment (nothing is changed for any of them). */
    enum Check { VALID, OTHER_OPERATION, OTHER_REFERENCE, OTHER_CLIENT, OTHER_YEAR }

    private final PayFipConfiguration account;
    private final PayFipClient client;

    PayFipGateway(PayFipConfiguration account, PayFipClient client) {
        this.account = account;
        this.client = client;
    }

    PayFipConfiguration account() {
        return account;
    }

    boolean isConfigured() {
        return account.isConfigured();
    }

    static boolean isWellFormedIdOp(String idOp) {
        return idOp != null && ID_OP.matcher(idOp).matches();
    }

    /** The year of the debt: the year the payment was created, in the town's time zone. */
    static String exer(Payment payment) {
        return Integer.toString(payment.getCreatedAt().atZone(PortalTime.ZONE).getYear());
    }

    /** Asks the Treasury for the operation of this payment; returns its idOp. */
    String createOperation(Payment payment, String objet) {
        PayFipMessages.CreatePaymentRequest request = new PayFipMessages.CreatePaymentRequest();
        request.exer = exer(payment);
        request.mel = payment.getEmail() == null ? "" : payment.getEmail();
        request.montant = Long.toString(payment.getAmountCents());
        request.numcli = account.numcli();
        request.objet = objet;
        request.refdet = payment.getOrderId();
        request.saisie = account.saisie();
        request.urlnotif = account.notificationUrl();
        request.urlredirect = account.returnUrl() + (account.returnUrl().contains("?") ? "&" : "?") + "refdet="
                + URLEncoder.encode(payment.getOrderId(), StandardCharsets.UTF_8);
        return client.createPayment(request);
    }

    /** The PayFiP page of an operation (the browser's GET form adds {@code idop}). */
    String paymentPageUrl() {
        return account.paymentPageUrl();
    }

    PayFipMessages.Details details(String idOp) {
        return client.details(idOp);
    }

    /** Believes the detail only when it is this payment's operation, for our régie and year. */
    Check check(PayFipMessages.Details details, Payment payment) {
        if (!Objects.equals(details.idOp, payment.getIdOp())) {
            return Check.OTHER_OPERATION;
        }
        if (!Objects.equals(details.refdet, payment.getOrderId())) {
            return Check.OTHER_REFERENCE;
        }
        if (!Objects.equals(details.numcli, account.numcli())) {
            return Check.OTHER_CLIENT;
        }
        if (!Objects.equals(details.exer, exer(payment))) {
            return Check.OTHER_YEAR;
        }
        return Check.VALID;
    }
}
