package fr.portailfamille.family;

/** The kinds of supporting documents ("justificatifs") a family uploads to its file. */
public enum DocumentType {
    QUOTIENT_FAMILIAL("Attestation CAF / quotient familial"),
    ASSURANCE("Attestation d'assurance"),
    VACCINATIONS("Carnet de vaccinations"),
    DOMICILE("Justificatif de domicile"),
    AUTRE("Autre justificatif");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
