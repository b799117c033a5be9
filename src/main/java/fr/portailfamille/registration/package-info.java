/**
 * Pre-registrations ("Inscriptions"): a family asks for a child to attend an activity on some
 * weekdays of a period; the activity's service validates or refuses it through the BPMN process
 * {@code preRegistration}. Other modules read validated registrations through
 * {@link fr.portailfamille.registration.Registrations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inscriptions", allowedDependencies = {"family", "activity", "staff", "system", "system :: *"})
package fr.portailfamille.registration;
