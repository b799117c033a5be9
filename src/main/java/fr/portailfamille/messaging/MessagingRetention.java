package fr.portailfamille.messaging;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the retention policy purges of the messages: a conversation quiet for too long, with its messages and attachments. */
@Configuration(proxyBeanMethods = false)
class MessagingRetention {

    @Bean
    RetentionRule conversationsRetention(RetentionProperties policy) {
        // messages and attachments go with their conversation (on delete cascade)
        return new RetentionRule("messagerie.conversations", policy.conversations(),
                "delete from conversation where last_message_at < :cutoff");
    }
}
