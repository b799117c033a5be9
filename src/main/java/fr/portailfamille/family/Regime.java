package fr.portailfamille.family;

/**
 * The social-security scheme the family's allowances come from (« régime »): the CAF counts the hours
 * of its « prestation de service » separately for its own beneficiaries, the MSA (farm workers) and the
 * others. A file whose scheme is not known yet has none ({@code null}, « Non précisé »).
 */
public enum Regime {
    CAF("CAF"), MSA("MSA"), AUTRE("Autre régime");

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a scheme, « Non précisé » when the file has none. */
    public static String labelOf(Regime regime) {
        return regime == null ? "Non précisé" : regime.label();
    }
}
