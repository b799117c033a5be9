package fr.portailfamille.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.billing.PendingInvoice;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;

/** The reminders' words are the town's: read from the configuration, filled in, and checked at the start. */
class ReminderWordingTest {

    private static final PendingInvoice INVOICE = new PendingInvoice(1, 2, "FA-2031-000042", "février 2031",
            new BigDecimal("42.50"), LocalDate.of(2031, 3, 3));

    /** The portal's own settings, as the application binds them from application.yml. */
    private static ReminderWording portalDefaults() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")).forEach(sources::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        return binder.bind("portal.dunning", DunningProperties.class).get().wording();
    }

    @Test
    void theDefaultWordingFillsInTheInvoiceTheFamilyAndTheTown() throws IOException {
        ReminderText first = ReminderText.of("FIRST", INVOICE, "ENTREDEUX", "Ville de Belcourt", 10, null, portalDefaults());
        assertThat(first.subject()).isEqualTo("Rappel : facture FA-2031-000042 non réglée");
        assertThat(first.paragraphs()).containsExactly(
                "Famille ENTREDEUX,",
                "Sauf erreur de notre part, la facture n° FA-2031-000042 (février 2031), à payer avant le 03/03/2031, "
                        + "dont il reste 42,50 € à régler, n'a pas été réglée.",
                "Nous vous remercions de bien vouloir la régler dans les 10 jours. Vous pouvez la régler en ligne dans "
                        + "l'onglet « Facturation » du portail, ou au guichet de la Régie unique (espèces, chèque, CESU) en "
                        + "indiquant le numéro de la facture. Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce rappel.",
                "En cas de difficulté de paiement, prenez contact avec la Régie unique : un échéancier peut vous être proposé.");

        ReminderText second = ReminderText.of("SECOND", INVOICE, "ENTREDEUX", "Ville de Belcourt", 10, null, portalDefaults());
        assertThat(String.join(" ", second.paragraphs())).contains("la Ville de Belcourt émettra un titre de recette")
                .doesNotContain("{");

        DunningStore.Instalment instalment = new DunningStore.Instalment(7, 1, 2, LocalDate.of(2031, 5, 10), new BigDecimal("15.00"), "DUE");
        ReminderText missed = ReminderText.of("INSTALMENT", INVOICE, "ENTREDEUX", "Ville de Belcourt", 10, instalment, portalDefaults());
        assertThat(missed.paragraphs().get(1)).isEqualTo("L'échéance du 10/05/2031 de votre échéancier (15,00 €, facture n° "
                + "FA-2031-000042) n'a pas été réglée ; il reste 42,50 € à régler sur cette facture.");
    }

    @Test
    void aTownsOwnWordingIsWhatTheFamilyReads() {
        ReminderWording town = new ReminderWording("la facture {facture}", "Paiement en mairie.", "Appelez le 01 02 03 04 05.",
                Map.of("first", new ReminderWording.Words("Votre facture {facture}", List.of("Bonjour {famille},",
                                "Il reste {reste} sur {ligneFacture}, avant le {echeance}. {commentPayer} {aide}")),
                        "second", new ReminderWording.Words("Dernier rappel", List.of("{famille}")),
                        "instalment", new ReminderWording.Words("Échéance", List.of("{montantEcheance} au {echeanceDu}"))));
        ReminderText text = ReminderText.of("FIRST", INVOICE, "ENTREDEUX", "Ville de Belcourt", 10, null, town);
        assertThat(text.subject()).isEqualTo("Votre facture FA-2031-000042");
        assertThat(text.paragraphs()).containsExactly("Bonjour ENTREDEUX,",
                "Il reste 42,50 € sur la facture FA-2031-000042, avant le 03/03/2031. Paiement en mairie. Appelez le 01 02 03 04 05.");
    }

    @Test
    void anUnknownPlaceholderOrAMissingReminderStopsTheStartWithTheReason() {
        Map<String, ReminderWording.Words> kinds = Map.of(
                "first", new ReminderWording.Words("Rappel", List.of("Montant : {montant}")),
                "second", new ReminderWording.Words("Relance", List.of("x")),
                "instalment", new ReminderWording.Words("Échéance", List.of("x")));
        assertThatThrownBy(() -> new ReminderWording("l", "p", "a", kinds))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal.dunning.wording.first.paragraphs").hasMessageContaining("{montant}");
        assertThatThrownBy(() -> new ReminderWording("l", "p", "a", Map.of("first", kinds.get("second"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal.dunning.wording.second");
    }
}
