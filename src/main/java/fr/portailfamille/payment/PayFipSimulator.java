package fr.portailfamille.payment;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.web.PublicRoutes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.w3c.dom.Node;

/**
 * Plays PayFiP « Régie Web-service » in the zero-setup and test runs (never in production): the
 * SOAP web service ({@code creerPaiementSecurise} checks the request like the Treasury and answers
 * an idOp; {@code recupererDetailPaiementSecurise} answers the operation's detail, or the fault
 * {@code P5} while it is in progress) and the payment page, where one chooses « Payer »,
 * « Refuser », « Abandonner » or « Payer sans notification » (the notification lost). Then it
 * posts {@code idop} to {@code urlnotif} (retrying on non-2xx) and sends the browser to
 * {@code urlredirect}. Only the URLs and the client number differ from the Treasury.
 */
@Controller
@Profile({"local", "test"})
class PayFipSimulator {

    static final String WEB_SERVICE_PATH = "/simulateur-payfip/services/securite";
    static final String PAGE_PATH = "/simulateur-payfip/tpa/paiementws.web";
    static final String CHOICE_PATH = "/simulateur-payfip/choix";
    private static final Logger log = LoggerFactory.getLogger(PayFipSimulator.class);
    private static final int NOTIFICATION_ATTEMPTS = 4;
    private static final DateTimeFormatter DATTRANS = DateTimeFormatter.ofPattern("ddMMyyyy");
    private static final DateTimeFormatter HEURTRANS = DateTimeFormatter.ofPattern("HHmm");

    /** The payer's choices: button label, resultrans, whether PayFiP notifies. */
    enum Choice {
        PAYER("Payer", "P", true),
        REFUSER("Refuser", "R", true),
        ABANDONNER("Abandonner", "A", true),
        PAYER_SANS_NOTIFICATION("Payer sans notification", "P", false);

        final String label;
        final String resultrans;
        final boolean notifies;

        Choice(String label, String resultrans, boolean notifies) {
            this.label = label;
            this.resultrans = resultrans;
            this.notifies = notifies;
        }

        public String label() {
            return label;
        }

        public String value() {
            return name();
        }
    }

    /** An operation created by {@code creerPaiementSecurise}, and its result once the payer chose. */
    private static final class Operation {
        final PayFipMessages.CreatePaymentRequest request;
        volatile PayFipMessages.Details details;

        Operation(PayFipMessages.CreatePaymentRequest request) {
            this.request = request;
        }
    }

    private final PayFipConfiguration account;
    private final Clock clock;
    private final Jaxb2Marshaller marshaller = PayFipClient.marshaller();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    PayFipSimulator(PaymentProperties properties, Clock clock) {
        this.account = properties.payfip();
        this.clock = clock;
    }

    /** Anonymous (the web service is called server to server, the page by a browser leaving a shop), no CSRF token. */
    @Bean
    static PublicRoutes payFipSimulatorRoutes() {
        return new PublicRoutes(List.of("/simulateur-payfip/**"), List.of("/simulateur-payfip/**"));
    }

    /** The SOAP 1.1 endpoint of both operations. */
    @PostMapping(WEB_SERVICE_PATH)
    void webService(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Node operation;
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage(null, request.getInputStream());
            operation = firstElement(message.getSOAPBody());
        } catch (SOAPException | RuntimeException e) {
            // not a SOAP envelope at all: a client error, not a fault of the service
            log.info("Simulateur PayFiP : requête SOAP illisible ({})", e.getMessage());
            response.setStatus(400);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("Requete SOAP illisible".getBytes(StandardCharsets.UTF_8));
            return;
        }
        SOAPMessage answer;
        try {
            Object call = operation == null ? null : marshaller.unmarshal(new DOMSource(operation));
            if (call instanceof PayFipMessages.CreatePayment create) {
                answer = create(create.request);
            } else if (call instanceof PayFipMessages.GetDetails get) {
                answer = details(get.request == null ? null : get.request.idOp);
            } else {
                answer = fault("opération inconnue", "SIMU");
            }
        } catch (RuntimeException e) {
            log.info("Simulateur PayFiP : opération illisible ({})", e.getMessage());
            answer = fault("opération illisible", "SIMU");
        }
        try {
            response.setStatus(answer.getSOAPBody().hasFault() ? 500 : 200);
            response.setContentType("text/xml;charset=UTF-8");
            answer.writeTo(response.getOutputStream());
        } catch (SOAPException e) {
            throw new IOException(e);
        }
    }

    private SOAPMessage create(PayFipMessages.CreatePaymentRequest request) {
        String error = check(request);
        if (error != null) {
            log.info("Simulateur PayFiP : creerPaiementSecurise refusé ({})", error);
            return fault(error, "SIMU");
        }
        String idOp = UUID.randomUUID().toString();
        operations.put(idOp, new Operation(request));
        PayFipMessages.CreatePaymentResponse response = new PayFipMessages.CreatePaymentResponse();
        response.operation = new PayFipMessages.Operation();
        response.operation.idOp = idOp;
        return message(response);
    }

    /** The Treasury's checks of a request, as far as its guide tells them; null when acceptable. */
    private String check(PayFipMessages.CreatePaymentRequest request) {
        if (request == null) {
            return "arg0 manquant";
        }
        if (!account.numcli().equals(request.numcli)) {
            return "numcli inconnu";
        }
        if (request.saisie == null || !request.saisie.matches("[TXW]")) {
            return "saisie invalide";
        }
        if (request.exer == null || !request.exer.matches("[0-9]{4}")) {
            return "exer invalide";
        }
        if (request.refdet == null || !request.refdet.matches("[A-Za-z0-9]{6,30}")) {
            return "refdet invalide";
        }
        if (request.montant == null || !request.montant.matches("[1-9][0-9]{0,9}")) {
            return "montant invalide";
        }
        if (request.objet == null || request.objet.isBlank() || request.objet.length() > 100) {
            return "objet invalide";
        }
        if (request.urlnotif == null || !request.urlnotif.matches("https?://.+") || request.urlredirect == null
                || !request.urlredirect.matches("https?://.+")) {
            return "urlnotif ou urlredirect invalide";
        }
        return null;
    }

    private SOAPMessage details(String idOp) {
        Operation operation = idOp == null ? null : operations.get(idOp);
        if (operation == null) {
            return fault("idOp inconnu", "SIMU");
        }
        if (operation.details == null) {
            return fault("paiement en cours", PayFipPayments.IN_PROGRESS);
        }
        PayFipMessages.GetDetailsResponse response = new PayFipMessages.GetDetailsResponse();
        response.details = operation.details;
        return message(response);
    }

    @GetMapping(PAGE_PATH)
    String page(@RequestParam(name = "idop", required = false) String idOp, Model model) {
        Operation operation = idOp == null ? null : operations.get(idOp);
        if (operation == null || operation.details != null) {
            model.addAttribute("error", "Opération de paiement inconnue ou déjà terminée.");
            model.addAttribute("returnUrl", null);
            return "payment/simulateur-erreur";
        }
        model.addAttribute("idop", idOp);
        model.addAttribute("amount", Euros.ofCents(Long.parseLong(operation.request.montant)));
        model.addAttribute("objet", operation.request.objet);
        model.addAttribute("refdet", operation.request.refdet);
        model.addAttribute("choices", Choice.values());
        return "payment/simulateur-payfip";
    }

    @PostMapping(CHOICE_PATH)
    String choice(@RequestParam(name = "idop", required = false) String idOp, @RequestParam(required = false) Choice choice, Model model) {
        Operation operation = idOp == null ? null : operations.get(idOp);
        if (operation == null || operation.details != null || choice == null) {
            model.addAttribute("error", "Opération de paiement inconnue ou déjà terminée.");
            model.addAttribute("returnUrl", null);
            return "payment/simulateur-erreur";
        }
        operation.details = result(idOp, operation.request, choice);
        if (choice.notifies) {
            notify(operation.request.urlnotif, idOp);
        }
        return "redirect:" + operation.request.urlredirect;
    }

    /** Sets an operation's result without the page: what a payer would have chosen (tests). */
    void decide(String idOp, Choice choice) {
        Operation operation = operations.get(idOp);
        operation.details = result(idOp, operation.request, choice);
        if (choice.notifies) {
            notify(operation.request.urlnotif, idOp);
        }
    }

    private PayFipMessages.Details result(String idOp, PayFipMessages.CreatePaymentRequest request, Choice choice) {
        var now = clock.instant().atZone(PortalTime.ZONE);
        PayFipMessages.Details details = new PayFipMessages.Details();
        details.idOp = idOp;
        details.dattrans = DATTRANS.format(now);
        details.heurtrans = HEURTRANS.format(now);
        details.exer = request.exer;
        details.mel = request.mel;
        details.montant = request.montant;
        details.numauto = "P".equals(choice.resultrans) ? String.format("%06d", Math.floorMod(idOp.hashCode(), 1_000_000)) : "";
        details.numcli = request.numcli;
        details.objet = request.objet;
        details.refdet = request.refdet;
        details.resultrans = choice.resultrans;
        details.saisie = request.saisie;
        return details;
    }

    /** Server to server, like PayFiP: the idop only, retried a few times while the régie does not answer 2xx. */
    private void notify(String url, String idOp) {
        String body = "idop=" + URLEncoder.encode(idOp, StandardCharsets.UTF_8);
        for (int attempt = 1; attempt <= NOTIFICATION_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                log.info("Simulateur PayFiP : notification {} → {} {}", idOp, response.statusCode(), response.body());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                log.warn("Simulateur PayFiP : notification non remise (essai {})", attempt, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(attempt * 200L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private SOAPMessage message(Object payload) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            marshaller.marshal(payload, new DOMResult(message.getSOAPBody()));
            message.saveChanges();
            return message;
        } catch (SOAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private SOAPMessage fault(String reason, String code) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            SOAPFault fault = message.getSOAPBody().addFault(new javax.xml.namespace.QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Server"),
                    reason);
            marshaller.marshal(new PayFipMessages.FunctionalError(code, reason), new DOMResult(fault.addDetail()));
            message.saveChanges();
            return message;
        } catch (SOAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node firstElement(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return child;
            }
        }
        return null;
    }
}
