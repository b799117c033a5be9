package fr.portailfamille.family;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The papers of a family file: the supporting documents ("justificatifs") a family uploads, and the
 * ones an activity may require before a registration is validated (checked against what the family
 * sent with {@link FamilyFiles#requiredDocuments}). The names are stored (supporting documents,
 * activities' required documents).
 */
public enum DocumentType {
    QUOTIENT_FAMILIAL("Attestation CAF / quotient familial", true, true),
    ASSURANCE("Attestation d'assurance", true, true),
    VACCINATIONS("Carnet de vaccinations", true, true),
    DOMICILE("Justificatif de domicile", true, true),
    /** Not uploaded: the child's health sheet is filled in on « Mon dossier ». */
    FICHE_SANITAIRE("Fiche sanitaire", false, true),
    AUTRE("Autre justificatif", true, false);

    private final String label;
    private final boolean uploaded;
    private final boolean requirable;

    DocumentType(String label, boolean uploaded, boolean requirable) {
        this.label = label;
        this.uploaded = uploaded;
        this.requirable = requirable;
    }

    public String label() {
        return label;
    }

    /** The kinds a family may upload. */
    public static List<DocumentType> uploadable() {
        return Arrays.stream(values()).filter(t -> t.uploaded).toList();
    }

    /** The kinds an activity may require. */
    public static List<DocumentType> requirable() {
        return Arrays.stream(values()).filter(t -> t.requirable).toList();
    }

    public static Optional<DocumentType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
