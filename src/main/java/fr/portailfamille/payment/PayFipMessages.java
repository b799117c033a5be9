package fr.portailfamille.payment;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages of PayFiP's SOAP web service « PaiementSecuriseService » (PayFiP « Régie
 * Web-service », DGFiP), bound with JAXB. The operation, element and field names are those of the
 * DGFiP's « Guide de mise en œuvre PayFiP Régie Web-service » (version 19, June 2020,
 * https://www.collectivites-locales.gouv.fr/payfip lists the DGFiP's PayFiP documentation): the
 * operation's element is in the service's namespace, its {@code arg0} / {@code return} and their
 * fields are unqualified. No WSDL is published openly, so these classes are written by hand; what
 * must be checked against the Treasury's test environment is listed in the README.
 */
final class PayFipMessages {

    /** The namespace of the operations' elements. */
    static final String NAMESPACE =
            "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

    private PayFipMessages() {}

    /** {@code creerPaiementSecurise}: asks for a payment operation; answered with its {@code idOp}. */
    @XmlRootElement(name = "creerPaiementSecurise", namespace = NAMESPACE)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class CreatePayment {
        @XmlElement(name = "arg0")
        public CreatePaymentRequest request;

        public CreatePayment() {}

        CreatePayment(CreatePaymentRequest request) {
            this.request = request;
        }
    }

    /** The fields of {@code creerPaiementSecurise}, in the guide's order. */
    @XmlType(name = "creerPaiementSecuriseRequest", propOrder = {"exer", "mel", "montant", "numcli", "objet", "refdet", "saisie",
            "urlnotif", "urlredirect"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class CreatePaymentRequest {
        /** the year of the debt (4 digits) */
        public String exer;
        /** the payer's e-mail address (PayFiP mails its own ticket) */
        public String mel;
        /** the amount in cents */
        public String montant;
        /** the régie's client number */
        public String numcli;
        /** what is paid, shown to the payer */
        public String objet;
        /** our reference of the debt: the payment's reference */
        public String refdet;
        /** T test, X activation, W production */
        public String saisie;
        /** where PayFiP notifies the end of the payment (server to server) */
        public String urlnotif;
        /** where PayFiP sends the browser back */
        public String urlredirect;
    }

    @XmlRootElement(name = "creerPaiementSecuriseResponse", namespace = NAMESPACE)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class CreatePaymentResponse {
        @XmlElement(name = "return")
        public Operation operation;
    }

    /** An operation: its id. */
    @XmlType(name = "creerPaiementSecuriseResponseReturn")
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Operation {
        public String idOp;
    }

    /** {@code recupererDetailPaiementSecurise}: what became of an operation, the only word we believe. */
    @XmlRootElement(name = "recupererDetailPaiementSecurise", namespace = NAMESPACE)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class GetDetails {
        @XmlElement(name = "arg0")
        public OperationRef request;

        public GetDetails() {}

        GetDetails(String idOp) {
            this.request = new OperationRef();
            this.request.idOp = idOp;
        }
    }

    @XmlType(name = "recupererDetailPaiementSecuriseRequest")
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OperationRef {
        public String idOp;
    }

    @XmlRootElement(name = "recupererDetailPaiementSecuriseResponse", namespace = NAMESPACE)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class GetDetailsResponse {
        @XmlElement(name = "return")
        public Details details;
    }

    /** The operation as the Treasury knows it. */
    @XmlType(name = "recupererDetailPaiementSecuriseResponseReturn", propOrder = {"dattrans", "heurtrans", "exer", "idOp", "mel",
            "montant", "numauto", "numcli", "objet", "refdet", "resultrans", "saisie"})
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Details {
        /** date of the transaction, ddMMyyyy */
        public String dattrans;
        /** time of the transaction, HHmm */
        public String heurtrans;
        public String exer;
        public String idOp;
        public String mel;
        /** amount in cents */
        public String montant;
        /** the card authorisation number */
        public String numauto;
        public String numcli;
        public String objet;
        public String refdet;
        /** the result code ({@link PayFipResult}) */
        public String resultrans;
        public String saisie;

        /** The fields as stored in {@code payment_notification}. */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("idOp", idOp);
            fields.put("resultrans", resultrans);
            fields.put("montant", montant);
            fields.put("refdet", refdet);
            fields.put("numcli", numcli);
            fields.put("exer", exer);
            fields.put("saisie", saisie);
            fields.put("dattrans", dattrans);
            fields.put("heurtrans", heurtrans);
            fields.put("numauto", numauto);
            fields.put("mel", mel);
            fields.put("objet", objet);
            fields.values().removeIf(java.util.Objects::isNull);
            return fields;
        }
    }

    /** The functional error in a SOAP fault's detail ({@code FonctionnelleErreur}: a code such as {@code P5}, a label). */
    @XmlRootElement(name = "FonctionnelleErreur", namespace = NAMESPACE)
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class FunctionalError {
        public String code;
        public String libelle;

        public FunctionalError() {}

        FunctionalError(String code, String libelle) {
            this.code = code;
            this.libelle = libelle;
        }
    }
}
