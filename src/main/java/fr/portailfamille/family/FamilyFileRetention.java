package fr.portailfamille.family;

import fr.portailfamille.system.retention.RetentionProperties;
import fr.portailfamille.system.retention.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the retention policy purges of the family files: supporting documents no longer of use. A
 * document still to check is never purged; an accepted one without end of validity stays with the file.
 */
@Configuration(proxyBeanMethods = false)
class FamilyFileRetention {

    @Bean
    RetentionRule refusedDocumentsRetention(RetentionProperties policy) {
        return new RetentionRule("dossier.justificatifs-refuses", policy.refusedDocuments(),
                "delete from supporting_document where state = 'REFUSE' and uploaded_at < :cutoff");
    }

    @Bean
    RetentionRule expiredDocumentsRetention(RetentionProperties policy) {
        return new RetentionRule("dossier.justificatifs-expires", policy.expiredDocuments(),
                "delete from supporting_document where state = 'ACCEPTE' and valid_until < cast(:cutoff as date)");
    }
}
