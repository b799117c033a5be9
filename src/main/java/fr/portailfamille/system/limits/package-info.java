/**
 * Rate limits shared by every node: token buckets kept in PostgreSQL ({@link SharedLimits}).
 */
@org.springframework.modulith.NamedInterface("limits")
package fr.portailfamille.system.limits;
