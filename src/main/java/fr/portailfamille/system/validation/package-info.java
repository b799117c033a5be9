/**
 * The constraints of ours for bean validation of the forms (a French phone number, a text on one
 * line), each with its French message given where it is used.
 */
@org.springframework.modulith.NamedInterface("validation")
package fr.portailfamille.system.validation;
