package fr.portailfamille.registration;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.registration.RegistrationFamilies.TestFamily;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The family's « Inscriptions » tab over real HTTP: its lines, new requests checked on the server, withdrawals, other families. */
class RegistrationPagesTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Activities activities;
    @Autowired RegistrationRepository repository;

    private long activity(String code) {
        return activities.findByCode(code).orElseThrow().id();
    }

    private WebSession login(TestFamily family) {
        WebSession session = session();
        session.login(family.username(), family.password());
        return session;
    }

    @Test
    void theDemoFamilySeesItsValidatedRegistrationsInGreen() {
        WebSession dupont = session();
        dupont.login("dupont", "Portail-Demo-2026");
        Page page = dupont.get("/inscriptions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("nav.tabs a[aria-current=page]").text()).isEqualTo("Inscriptions");
        var validated = page.doc().select("table.registration-lines tr:has(.status-ok)");
        assertThat(validated.eachText()).anyMatch(t -> t.contains("Hugo DUPONT") && t.contains("Centre de loisirs") && t.contains("validée"))
                .anyMatch(t -> t.contains("Léa DUPONT") && t.contains("Centre de loisirs"))
                .anyMatch(t -> t.contains("Hugo DUPONT") && t.contains("Restauration scolaire"));
        assertThat(page.text()).contains("L'ordre dans lequel vous inscrivez vos enfants n'a plus d'importance");
        assertThat(page.text()).contains("Hugo est déjà inscrit(e) à cette activité");
    }

    @Test
    void aFamilyRequestsARegistrationSeesItPendingAndWithdrawsIt() {
        TestFamily family = RegistrationFamilies.create(jdbc, encoder);
        WebSession session = login(family);
        Page list = session.get("/inscriptions");
        Page form = session.get("/inscriptions/inscrire?activite=" + activity("CENTRE_LOISIRS") + "&enfant=" + family.olderChildId());
        assertThat(form.text()).contains("Accueil de loisirs").contains("Centre de loisirs").contains("mercredi");

        Page noDay = session.submit(form, "#form-inscription", Map.of());
        assertThat(noDay.status()).isEqualTo(200);
        assertThat(noDay.doc().select(".field-error").text()).isEqualTo("Cochez au moins un jour.");

        Page saved = session.follow(session.submit(form, "#form-inscription", Map.of("jours", "WEDNESDAY")));
        assertThat(saved.text()).contains("est enregistrée").contains("en attente de validation");
        Element pending = saved.doc().selectFirst("table.registration-lines tr:has(.status-pending)");
        assertThat(pending.text()).contains("Sam " + family.name()).contains("Centre de loisirs").contains("mercredi");

        // the same form sent again (a double click, or « retour » then « enregistrer »): the first answer, nothing stored twice
        Page resent = session.follow(session.submit(form, "#form-inscription", Map.of("jours", "WEDNESDAY")));
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.doc().select("table.registration-lines tr:has(.status-pending)")).hasSize(1);
        assertThat(repository.findByFamilyFileIdOrderByCreatedAtDesc(family.fileId())).hasSize(1);

        // a new request for the same child and activity: the page says why instead of offering the form
        Page again = session.get("/inscriptions/inscrire?activite=" + activity("CENTRE_LOISIRS") + "&enfant=" + family.olderChildId());
        assertThat(again.text()).contains("Une demande est déjà en attente de validation pour Sam");
        assertThat(again.doc().select("#form-inscription")).isEmpty();
        assertThat(repository.findByFamilyFileIdOrderByCreatedAtDesc(family.fileId())).hasSize(1);

        Page withdrawn = session.follow(session.submit(saved, "form.withdraw-form", Map.of()));
        assertThat(withdrawn.text()).contains("Votre demande est retirée.");
        assertThat(withdrawn.doc().select("table.registration-lines tr:has(.status-pending)")).isEmpty();
        assertThat(repository.findByFamilyFileIdOrderByCreatedAtDesc(family.fileId())).singleElement()
                .satisfies(r -> assertThat(r.getState()).isEqualTo(RegistrationState.WITHDRAWN));
        assertThat(list.status()).isEqualTo(200);
    }

    @Test
    void theServerRefusesAChildOutOfTheAgeRangeAndDaysTheActivityDoesNotRun() {
        TestFamily family = RegistrationFamilies.create(jdbc, encoder);
        WebSession session = login(family);
        Page list = session.get("/inscriptions");
        assertThat(list.text()).contains("Bébé a 1 an : cette activité accueille les enfants de 3 à 12 ans.");
        Page tooYoung = session.get("/inscriptions/inscrire?activite=" + activity("CENTRE_LOISIRS") + "&enfant=" + family.youngChildId());
        assertThat(tooYoung.text()).contains("Cette inscription n'est pas possible").contains("de 3 à 12 ans");
        assertThat(tooYoung.doc().select("#form-inscription")).isEmpty();

        // a forged post is refused all the same
        Map<String, String> forged = new HashMap<>(Map.of("_csrf", session.csrfToken(), "activite", String.valueOf(activity("CENTRE_LOISIRS")),
                "enfant", String.valueOf(family.youngChildId()), "jours", "WEDNESDAY"));
        Page refused = session.postForm("/inscriptions/inscrire", forged);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("de 3 à 12 ans");
        forged.put("enfant", String.valueOf(family.olderChildId()));
        forged.put("activite", String.valueOf(activity("RESTAURATION")));
        Page wrongDay = session.postForm("/inscriptions/inscrire", forged);
        assertThat(wrongDay.text()).contains("Cette activité n'a lieu que les lundi, mardi, jeudi, vendredi.");
        assertThat(repository.findByFamilyFileIdOrderByCreatedAtDesc(family.fileId())).isEmpty();
    }

    @Test
    void anotherFamilyCanNeitherSeeNorWithdrawNorUseTheFirstFamilysChildren() {
        TestFamily first = RegistrationFamilies.create(jdbc, encoder);
        TestFamily second = RegistrationFamilies.create(jdbc, encoder);
        WebSession firstSession = login(first);
        Page form = firstSession.get("/inscriptions/inscrire?activite=" + activity("PERISCOLAIRE_MATIN") + "&enfant=" + first.olderChildId());
        firstSession.submit(form, "#form-inscription", Map.of("jours", "MONDAY"));
        long registrationId = repository.findByFamilyFileIdOrderByCreatedAtDesc(first.fileId()).get(0).getId();

        WebSession secondSession = login(second);
        Page secondList = secondSession.get("/inscriptions");
        assertThat(secondList.text()).doesNotContain(first.name());
        assertThat(secondList.doc().select("table.registration-lines")).isEmpty();

        assertThat(secondSession.get("/inscriptions/inscrire?activite=" + activity("PERISCOLAIRE_MATIN") + "&enfant=" + first.olderChildId()).status())
                .isEqualTo(404);
        String token = secondSession.csrfToken();
        Page foreignChild = secondSession.postForm("/inscriptions/inscrire", Map.of("_csrf", token,
                "activite", String.valueOf(activity("PERISCOLAIRE_SOIR")), "enfant", String.valueOf(first.olderChildId()), "jours", "MONDAY"));
        assertThat(foreignChild.status()).isEqualTo(404);
        Page foreignWithdraw = secondSession.postForm("/inscriptions/" + registrationId + "/retirer", Map.of("_csrf", token));
        assertThat(foreignWithdraw.status()).isEqualTo(404);
        assertThat(repository.findById(registrationId).orElseThrow().getState()).isEqualTo(RegistrationState.PENDING);
        assertThat(repository.findByFamilyFileIdOrderByCreatedAtDesc(second.fileId())).isEmpty();
    }
}
