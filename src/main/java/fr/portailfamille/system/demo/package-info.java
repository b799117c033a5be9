@org.springframework.modulith.NamedInterface("demo")
package fr.portailfamille.system.demo;
