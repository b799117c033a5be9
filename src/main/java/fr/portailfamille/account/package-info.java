/**
 * Portal accounts of families: login, sign-up, activation, password reset. An account is linked
 * to a family file through the family module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comptes", allowedDependencies = {"family", "system", "system :: *"})
package fr.portailfamille.account;
