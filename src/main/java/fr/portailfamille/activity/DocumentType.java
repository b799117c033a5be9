package fr.portailfamille.activity;

import java.util.Arrays;
import java.util.Optional;

/** The documents an activity may require before a registration is validated. */
public enum DocumentType {
    ATTESTATION_QF("Attestation de quotient familial"),
    ASSURANCE("Attestation d'assurance extrascolaire"),
    VACCINATIONS("Carnet de vaccinations"),
    FICHE_SANITAIRE("Fiche sanitaire"),
    JUSTIFICATIF_DOMICILE("Justificatif de domicile");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DocumentType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** The label of a document type, or the type itself when unknown. */
    public static String labelOf(String name) {
        return byName(name).map(DocumentType::label).orElse(name);
    }
}
