package fr.portailfamille.payment;

import java.util.Optional;
import javax.xml.transform.dom.DOMSource;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.ws.client.core.WebServiceTemplate;
import org.springframework.ws.soap.SoapFaultDetail;
import org.springframework.ws.soap.SoapFaultDetailElement;
import org.springframework.ws.soap.client.SoapFaultClientException;
import org.springframework.ws.transport.http.HttpUrlConnectionMessageSender;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The SOAP client of PayFiP's web service (Spring Web Services, JAXB): {@code creerPaiementSecurise}
 * and {@code recupererDetailPaiementSecurise}. A SOAP fault becomes a {@link PayFipException} with
 * the functional error's code when the fault carries one ({@code P5}: the payment is still in
 * progress); a transport failure too, without a code.
 */
class PayFipClient {

    /** The Treasury did not answer, or answered with a fault. */
    static class PayFipException extends RuntimeException {
        private final String code;

        PayFipException(String message, String code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        /** The functional error's code ({@code P5}…), if the fault had one. */
        Optional<String> code() {
            return Optional.ofNullable(code);
        }
    }

    private final WebServiceTemplate template;

    PayFipClient(PayFipConfiguration account) {
        this.template = new WebServiceTemplate(marshaller());
        HttpUrlConnectionMessageSender sender = new HttpUrlConnectionMessageSender();
        sender.setConnectionTimeout(account.timeout());
        sender.setReadTimeout(account.timeout());
        this.template.setMessageSender(sender);
        this.template.setDefaultUri(account.webServiceUrl());
    }

    /** The JAXB marshaller of the service's messages (the simulator uses the same one). */
    static Jaxb2Marshaller marshaller() {
        Jaxb2Marshaller marshaller = new Jaxb2Marshaller();
        marshaller.setClassesToBeBound(PayFipMessages.CreatePayment.class, PayFipMessages.CreatePaymentResponse.class,
                PayFipMessages.GetDetails.class, PayFipMessages.GetDetailsResponse.class, PayFipMessages.FunctionalError.class);
        try {
            marshaller.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("JAXB des messages PayFiP", e);
        }
        return marshaller;
    }

    /** Creates the operation; returns its idOp. */
    String createPayment(PayFipMessages.CreatePaymentRequest request) {
        PayFipMessages.CreatePaymentResponse response = call(new PayFipMessages.CreatePayment(request),
                PayFipMessages.CreatePaymentResponse.class);
        if (response.operation == null || response.operation.idOp == null || response.operation.idOp.isBlank()) {
            throw new PayFipException("creerPaiementSecurise sans idOp", null, null);
        }
        return response.operation.idOp;
    }

    /** The operation as the Treasury knows it. */
    PayFipMessages.Details details(String idOp) {
        PayFipMessages.GetDetailsResponse response = call(new PayFipMessages.GetDetails(idOp), PayFipMessages.GetDetailsResponse.class);
        if (response.details == null) {
            throw new PayFipException("recupererDetailPaiementSecurise sans détail", null, null);
        }
        return response.details;
    }

    private <T> T call(Object request, Class<T> answer) {
        try {
            Object response = template.marshalSendAndReceive(request);
            if (!answer.isInstance(response)) {
                throw new PayFipException("réponse PayFiP inattendue : " + (response == null ? "vide" : response.getClass().getSimpleName()),
                        null, null);
            }
            return answer.cast(response);
        } catch (SoapFaultClientException e) {
            throw new PayFipException("erreur PayFiP : " + e.getFaultStringOrReason(), faultCode(e.getSoapFault().getFaultDetail()), e);
        } catch (PayFipException e) {
            throw e;
        } catch (RuntimeException e) {
            // transport (connection, timeout, HTTP error without a fault) or an unreadable answer
            throw new PayFipException("service PayFiP injoignable : " + e.getMessage(), null, e);
        }
    }

    /** The {@code code} of the fault's {@code FonctionnelleErreur}, whatever its namespace. */
    private static String faultCode(SoapFaultDetail detail) {
        if (detail == null) {
            return null;
        }
        var entries = detail.getDetailEntries();
        while (entries.hasNext()) {
            SoapFaultDetailElement entry = entries.next();
            if (entry.getSource() instanceof DOMSource dom && dom.getNode() instanceof Element element) {
                NodeList children = element.getElementsByTagNameNS("*", "code");
                if (children.getLength() == 0) {
                    children = element.getElementsByTagName("code");
                }
                if (children.getLength() > 0) {
                    Node code = children.item(0);
                    return code.getTextContent().trim();
                }
            }
        }
        return null;
    }
}
