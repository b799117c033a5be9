package fr.portailfamille.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The deployed DMN table messageRouting: every row, the default, and the page's choices read from it. */
class MessageRoutingTableTest extends PortalIntegrationTest {

    @Autowired
    DecisionService decisions;

    @Autowired
    RoutingTable routing;

    private DmnDecisionRuleResult route(String service, String theme) {
        return decisions.evaluateDecisionTableByKey(MessageRoutingProcess.DECISION, Map.of("service", service, "theme", theme))
                .getSingleResult();
    }

    @ParameterizedTest(name = "{0} / {1} → {2} en {3} jours ouvrés")
    @CsvSource({
            "Centre de loisirs, Inscription, enfance, 5",
            "Centre de loisirs, Planning et réservations, enfance, 3",
            "Centre de loisirs, Autre question, enfance, 5",
            "Restauration scolaire, Menus et allergies, restauration, 3",
            "Restauration scolaire, Inscription à la cantine, restauration, 5",
            "Facturation, Facture, finances, 5",
            "Facturation, Paiement, finances, 3",
            "Guichet Unique, Dossier famille, guichet-unique, 5",
            "Guichet Unique, Autre question, guichet-unique, 5"})
    void eachRowRoutesToItsServiceWithItsDelay(String service, String theme, String group, int days) {
        DmnDecisionRuleResult result = route(service, theme);

        assertThat((String) result.getEntry("group")).isEqualTo(group);
        assertThat(((Number) result.getEntry("answerDelayDays")).intValue()).isEqualTo(days);
    }

    @ParameterizedTest(name = "{0} / {1} → Guichet Unique")
    @CsvSource({
            "Piscine, Horaires",
            "Centre de loisirs, Menus et allergies",
            "'', ''"})
    void anythingElseGoesToTheGuichetUnique(String service, String theme) {
        DmnDecisionRuleResult result = route(service, theme);

        assertThat((String) result.getEntry("group")).isEqualTo("guichet-unique");
        assertThat(((Number) result.getEntry("answerDelayDays")).intValue()).isEqualTo(5);
    }

    @Test
    void thePageOffersTheServicesAndThemesOfTheTable() {
        assertThat(routing.offered()).extracting(RoutingTable.ServiceThemes::service)
                .containsExactly("Centre de loisirs", "Restauration scolaire", "Facturation", "Guichet Unique");
        assertThat(routing.offered().get(0).themes()).containsExactly("Inscription", "Planning et réservations", "Autre question");
        assertThat(routing.offers("Restauration scolaire", "Menus et allergies")).isTrue();
        assertThat(routing.offers("Restauration scolaire", "Inscription")).isFalse();
    }
}
