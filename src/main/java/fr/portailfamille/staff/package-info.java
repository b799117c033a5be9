/**
 * The town's staff: Camunda identity (users, groups, authorizations, Tasklist filters), the staff
 * security realm ({@code /camunda}, {@code /engine-rest}, {@code /agent}, {@code /actuator}) and the
 * staff home page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personnel", allowedDependencies = {"system", "system :: *"})
package fr.portailfamille.staff;
