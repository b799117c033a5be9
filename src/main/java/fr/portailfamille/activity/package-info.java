/**
 * The activity catalogue the town's services run (leisure centre, before/after school, canteen…),
 * with their service, days, capacity and, later, periods, closures and tariffs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activités", allowedDependencies = {"family", "staff", "system", "system :: *"})
package fr.portailfamille.activity;
