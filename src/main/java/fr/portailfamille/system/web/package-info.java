@org.springframework.modulith.NamedInterface("web")
package fr.portailfamille.system.web;
