/**
 * The retention policy (RGPD storage limitation): each module declares what it purges and after how
 * long ({@link fr.portailfamille.system.retention.RetentionRule}), the periods come from
 * {@code portal.retention.*}, and one nightly job runs them all, once across the nodes.
 */
@org.springframework.modulith.NamedInterface("retention")
package fr.portailfamille.system.retention;
