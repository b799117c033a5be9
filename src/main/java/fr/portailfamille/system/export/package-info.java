/** The family's data export (RGPD right of access and portability): each module contributes its part. */
@org.springframework.modulith.NamedInterface("export")
package fr.portailfamille.system.export;
