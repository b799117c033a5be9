package fr.portailfamille.messaging;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.messaging.MessageStore.Direction;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.demo.DemoDataLoader;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One thread of the demo family DUPONT: a question to « Centre de loisirs » and the service's answer, unread. */
@Component
@Profile("demo")
class MessagingDemoData implements DemoDataLoader {

    static final String SUBJECT = "Inscription de Léa pour les vacances de printemps";

    private final MessageStore store;
    private final FamilyFiles families;

    MessagingDemoData(MessageStore store, FamilyFiles families) {
        this.store = store;
        this.families = families;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    @Transactional
    public void load() {
        families.findByNumber("100123").filter(file -> !store.hasConversation(file.id(), SUBJECT)).ifPresent(file -> {
            long conversation = store.createConversation(file.id(), "Centre de loisirs", "Inscription", SUBJECT);
            long question = store.addMessage(conversation, file.id(), Direction.FAMILY_TO_SERVICE, "Centre de loisirs", "Inscription",
                    SUBJECT, "Bonjour,\nLéa pourra-t-elle aller au centre de loisirs pendant toute la première semaine des vacances ?\n"
                            + "Merci,\nMarie DUPONT", false, null);
            store.setHandlingGroup(question, StaffGroup.ENFANCE.id());
            store.addMessage(conversation, file.id(), Direction.SERVICE_TO_FAMILY, "Centre de loisirs", "Inscription",
                    Inbox.replySubject(SUBJECT), "Bonjour Madame,\nOui, il reste des places toute la semaine : "
                            + "pensez à réserver les jours dans l'onglet Planning.\nLe Service Enfance", false, "enfance");
        });
    }
}
