/**
 * « Messagerie »: the family inbox (messages reçus, envoyés, Envoyer un message), messages routed
 * to the town's services by the DMN table {@code messageRouting}, answered in Tasklist, escalated
 * when late; staff can write first ({@code writeToFamily}). Other modules read the unread count
 * through {@link fr.portailfamille.messaging.Messaging}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messagerie",
        allowedDependencies = {"family", "staff", "system", "system :: *"})
package fr.portailfamille.messaging;
