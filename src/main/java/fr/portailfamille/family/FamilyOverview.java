package fr.portailfamille.family;

import java.util.List;

/** The family file at a glance (« Mon dossier »): who, where, which children, which quotient familial and scheme. */
public record FamilyOverview(FamilySummary summary, String address, List<String> guardians,
        QuotientFamilial quotientFamilial, int documentsBeingChecked, int changeRequestsInProgress, Regime regime) {

    /** « CAF », « MSA », « Autre régime » or « Non précisé ». */
    public String regimeLabel() {
        return Regime.labelOf(regime);
    }
}
