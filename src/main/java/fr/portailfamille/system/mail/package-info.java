@org.springframework.modulith.NamedInterface("mail")
package fr.portailfamille.system.mail;
