package fr.portailfamille.billing;

/** Where an invoice stands; the labels are the guide's. */
public enum InvoiceState {
    DRAFT("brouillon"), PENDING("en attente"), PAID("payée"), CANCELLED("annulée");

    private final String label;

    InvoiceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
