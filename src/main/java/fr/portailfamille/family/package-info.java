/**
 * The family file ("dossier famille"): the family, its legal guardians and children, and which
 * portal account is linked to it. Other modules read it through {@link fr.portailfamille.family.FamilyFiles}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier famille", allowedDependencies = {"system", "system :: *"})
package fr.portailfamille.family;
