@org.springframework.modulith.NamedInterface("security")
package fr.portailfamille.system.security;
