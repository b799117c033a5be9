/**
 * The waiting room of the opening rush: past what the node serves, a family gets a numbered place in
 * a first-come-first-served queue shared by every node through PostgreSQL, instead of a refusal it
 * would retry by hand; a form posted while it waits is kept and replayed when it gets in.
 */
package fr.portailfamille.system.waitingroom;
