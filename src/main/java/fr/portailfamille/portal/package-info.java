/**
 * The family's home (« Accueil »): the five modules as tiles and tabs, their counters, and the
 * pages that gather pieces of several modules. No domain module depends on this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portail")
package fr.portailfamille.portal;
