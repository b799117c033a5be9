package fr.portailfamille.family;

import java.util.List;

/** The family file at a glance (« Mon dossier »): who, where, which children, which quotient familial. */
public record FamilyOverview(FamilySummary summary, String address, List<String> guardians,
        QuotientFamilial quotientFamilial, int documentsBeingChecked, int changeRequestsInProgress) {}
