package fr.portailfamille.activity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.support.WebSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The services manage their own activities under /agent/activites, with French validation. */
class CatalogueStaffPagesTest extends PortalIntegrationTest {

    @Autowired
    Activities activities;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    @Test
    void anAgentSeesAndEditsOnlyItsServicesActivities() {
        WebSession enfance = agent("enfance");
        Page list = enfance.get("/agent/activites");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Centre de loisirs").doesNotContain("Restauration scolaire");

        long cantine = activities.findByCode("RESTAURATION").orElseThrow().id();
        assertThat(enfance.get("/agent/activites/" + cantine).status()).isEqualTo(403);
        assertThat(enfance.get("/agent/activites/" + cantine + "/tarifs").status()).isEqualTo(403);
        assertThat(agent("restauration").get("/agent/activites/" + cantine).status()).isEqualTo(200);
        assertThat(agent("admin").get("/agent/activites/" + cantine).status()).as("camunda-admin").isIn(200);

        // a forged post on another service's activity changes nothing
        Page forged = enfance.postForm("/agent/activites/" + cantine + "/fermetures", Map.of("day", "2027-01-08", "_csrf", enfance.csrfToken() == null ? "" : enfance.csrfToken()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(activities.closures(cantine)).noneMatch(c -> c.day().equals(LocalDate.of(2027, 1, 8)));
        // and a family is not an agent
        WebSession family = session();
        family.login("dupont", "Portail-Demo-2026");
        assertThat(family.get("/agent/activites").isRedirectTo("/agent/connexion")).isTrue();
    }

    @Test
    void deletingAPeriodOrAClosureAsksForConfirmationAndAPeriodWithRegistrationsOrBookingsIsKept() {
        WebSession enfance = agent("enfance");
        String code = "SUPPR_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        long activityId = jdbc.queryForObject("""
                insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                    min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time)
                select ?, ?, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                    min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays, cutoff_working_days, cutoff_time
                from activity where code = 'CENTRE_LOISIRS' returning id""", Long.class, code, "Stage " + code);
        long period = jdbc.queryForObject("""
                insert into activity_period (activity_id, label, start_date, end_date) values (?, 'Été 2098', date '2098-07-01', date '2098-08-31')
                returning id""", Long.class, activityId);
        long closure = jdbc.queryForObject("insert into activity_closure (activity_id, day, reason) values (?, date '2098-07-14', 'Fête') returning id",
                Long.class, activityId);
        String base = "/agent/activites/" + activityId;

        // « Supprimer » is a link to a page that asks; nothing is deleted by one click
        Page edit = enfance.get(base);
        assertThat(edit.doc().select("form[action*=/supprimer]")).as("no one-click delete").isEmpty();
        String periodLink = edit.doc().select("a[href$=/periodes/" + period + "/supprimer]").first().attr("href");
        Page confirm = enfance.get(periodLink);
        assertThat(confirm.text()).contains("Supprimer la période « Été 2098 » ?").contains("du 01/07/2098 au 31/08/2098")
                .contains("Cette suppression est définitive.");
        Page unconfirmed = enfance.postForm(base + "/periodes/" + period + "/supprimer", Map.of("_csrf", enfance.csrfToken()));
        assertThat(unconfirmed.isRedirectTo(base + "/periodes/" + period + "/supprimer")).as(unconfirmed.toString()).isTrue();
        assertThat(periods(activityId)).isEqualTo(1);

        // a validated registration and a booking hang on the period: refused, in French, even if posted
        long child = jdbc.queryForObject("select min(id) from child", Long.class);
        long file = jdbc.queryForObject("select family_file_id from child where id = ?", Long.class, child);
        jdbc.update("""
                insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
                values (?, ?, ?, 'WEDNESDAY', 'Été 2098', date '2098-07-01', date '2098-08-31', 'VALIDATED')""", file, child, activityId);
        jdbc.update("""
                insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
                values (?, ?, ?, date '2098-07-09', 'BOOKED', now(), 'PLANNING', 'essai', now())""", file, child, activityId);
        Page refusal = enfance.get(periodLink);
        assertThat(refusal.text()).contains("La période « Été 2098 » ne peut pas être supprimée : elle compte encore ")
                .contains("1 inscription validée").contains("1 réservation").contains("Retirez-les d'abord");
        assertThat(refusal.doc().select("form[action$=/supprimer]")).as("no confirm button").isEmpty();
        enfance.get(base);  // a page with the session's CSRF token (the refusal page has no form)
        Page forced = enfance.follow(enfance.postForm(base + "/periodes/" + period + "/supprimer", Map.of("confirme", "oui", "_csrf", enfance.csrfToken())));
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.text()).contains("ne peut pas être supprimée");
        assertThat(periods(activityId)).isEqualTo(1);

        // once they are gone, the confirmed delete goes through
        jdbc.update("update registration set state = 'WITHDRAWN' where activity_id = ?", activityId);
        jdbc.update("update booking set state = 'CANCELLED' where activity_id = ?", activityId);
        Page deleted = enfance.follow(enfance.submit(enfance.get(periodLink), "form[action$=/supprimer]", Map.of()));
        assertThat(deleted.text()).contains("La période « Été 2098 » est supprimée.");
        assertThat(periods(activityId)).isZero();

        // a closure day too
        Page closureConfirm = enfance.get(base + "/fermetures/" + closure + "/supprimer");
        assertThat(closureConfirm.text()).contains("Supprimer le jour de fermeture du 14/07/2098 ?");
        Page closureDeleted = enfance.follow(enfance.submit(closureConfirm, "form[action$=/supprimer]", Map.of()));
        assertThat(closureDeleted.text()).contains("Le jour de fermeture du 14/07/2098 est supprimé.");
        assertThat(activities.closures(activityId)).isEmpty();
        // another service may neither see the question nor delete
        assertThat(agent("restauration").get(base + "/fermetures/" + closure + "/supprimer").status()).isEqualTo(403);
    }

    private int periods(long activityId) {
        return jdbc.queryForObject("select count(*) from activity_period where activity_id = ?", Integer.class, activityId);
    }

    @Test
    void creatingAnActivityChecksCapacityAgesAndDaysInFrench() {
        WebSession enfance = agent("enfance");
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        Map<String, String> fields = new HashMap<>(Map.of("code", code, "name", "Stage théâtre " + code, "activityType", "Stage",
                "capacityPerDay", "-3", "minAge", "25", "maxAge", "25", "cutoffWorkingDays", "2", "cutoffTime", "12:00"));
        Page refused = enfance.submit(enfance.get("/agent/activites/nouvelle"), "#form-activite", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("La capacité par jour ne peut pas être négative.")
                .contains("Cochez au moins un jour de la semaine.")
                .contains("Cochez au moins une période");
        assertThat(refused.doc().selectFirst("#capacityPerDay").attr("value")).as("what was typed is kept").isEqualTo("-3");
        assertThat(refused.doc().selectFirst("#capacityPerDay").attr("aria-invalid")).isEqualTo("true");
        assertThat(activities.findByCode(code)).isEmpty();

        Page notANumber = enfance.submit(enfance.get("/agent/activites/nouvelle"), "#form-activite", Map.of("capacityPerDay", "beaucoup"));
        assertThat(notANumber.text()).contains("Saisissez un nombre entier.");

        Map<String, String> badRule = new HashMap<>(fields);
        badRule.putAll(Map.of("waitingDays", "40", "unbookedSurcharge", "-1"));
        Page refusedRule = enfance.submit(enfance.get("/agent/activites/nouvelle"), "#form-activite", badRule);
        assertThat(refusedRule.text()).contains("Les jours de carence sont un nombre entre 0 et 31.")
                .contains("La majoration est un montant en euros entre 0 et 999");

        fields.put("capacityPerDay", "12");
        fields.put("weekdays", "WEDNESDAY");
        fields.put("waitingDays", "2");
        fields.put("unbookedSurcharge", "1,50");
        fields.put("runsOnHolidays", "true");
        Page created = enfance.follow(enfance.submit(enfance.get("/agent/activites/nouvelle"), "#form-activite", fields));
        assertThat(created.text()).contains("est créée");
        ActivitySummary activity = activities.findByCode(code).orElseThrow();
        assertThat(activity.capacityPerDay()).isEqualTo(12);
        assertThat(activity.serviceGroup()).isEqualTo("enfance");
        assertThat(activity.runsOnHolidays()).isTrue();
        // billed on attendance: two « jours de carence », 1,50 € more a day for a child present without a booking
        assertThat(activities.attendanceRule(activity.id()).waitingDays()).isEqualTo(2);
        assertThat(activities.attendanceRule(activity.id()).unbookedSurcharge()).isEqualByComparingTo("1.50");
        assertThat(activities.attendanceRule(activity.id()).billJustifiedAbsence()).isFalse();

        Page period = enfance.follow(enfance.submit(created, "#form-periode",
                Map.of("label", "Été 2027", "startDate", "2027-07-05", "endDate", "2027-08-27")));
        assertThat(period.text()).contains("La période est ajoutée.").contains("Été 2027");
        Page badPeriod = enfance.follow(enfance.submit(period, "#form-periode",
                Map.of("label", "Chevauche", "startDate", "2027-08-01", "endDate", "2027-09-01")));
        assertThat(badPeriod.text()).contains("chevauche une période existante");
        Page reversed = enfance.submit(period, "#form-periode", Map.of("label", "À l'envers", "startDate", "2028-07-05", "endDate", "2028-07-01"));
        assertThat(reversed.doc().select("#periode-fin-erreur").text()).isEqualTo("La date de fin doit être postérieure ou égale à la date de début.");
        assertThat(reversed.doc().select("#periode-fin").attr("aria-invalid")).isEqualTo("true");
        assertThat(reversed.doc().select("#periode-libelle").attr("value")).as("what was typed stays").isEqualTo("À l'envers");
        Page noDay = enfance.submit(period, "#form-fermeture", Map.of("reason", "Formation"));
        assertThat(noDay.doc().select("#fermeture-jour-erreur").text()).isEqualTo("Saisissez la date de fermeture.");
        assertThat(noDay.doc().select("#fermeture-motif").attr("value")).isEqualTo("Formation");
        Page closure = enfance.follow(enfance.submit(badPeriod, "#form-fermeture", Map.of("day", "2027-07-16", "reason", "Formation")));
        assertThat(closure.text()).contains("Le jour de fermeture est ajouté.");
        assertThat(activities.isOpenOn(activity.id(), LocalDate.of(2027, 7, 16))).isFalse();
        assertThat(activities.isOpenOn(activity.id(), LocalDate.of(2027, 7, 21))).as("un mercredi des vacances").isTrue();
        assertThat(activities.isOpenOn(activity.id(), LocalDate.of(2027, 7, 14))).as("14 juillet").isFalse();
    }

    @Test
    void aTariffGridRefusesOverlappingBracketsAndNegativePricesAndNeverChangesAVersionInForce() {
        WebSession restauration = agent("restauration");
        long cantine = activities.findByCode("RESTAURATION").orElseThrow().id();
        LocalDate day = LocalDate.of(2026, 1, 15);
        var before = activities.unitPrice(cantine, day, 800, 1).orElseThrow();

        Page form = restauration.get("/agent/activites/" + cantine + "/tarifs");
        Map<String, String> overlapping = new HashMap<>(Map.of("validFrom", LocalDate.now().plusYears(5).toString(),
                "rows[0].qfMin", "0", "rows[0].qfMax", "800", "rows[0].price1", "1,00", "rows[0].price2", "0.90", "rows[0].price3", "0.80",
                "rows[1].qfMin", "700", "rows[1].price1", "3", "rows[1].price2", "-2", "rows[1].price3", "2"));
        Page refused = restauration.submit(form, "#form-tarif", overlapping);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("chevauche la tranche de la ligne 1").contains("Le prix ne peut pas être négatif.");
        assertThat(refused.doc().selectFirst("#rows1\\.price2").attr("value")).isEqualTo("-2");

        Page past = restauration.submit(form, "#form-tarif", Map.of("validFrom", "2025-09-01",
                "rows[0].qfMin", "0", "rows[0].price1", "9", "rows[0].price2", "9", "rows[0].price3", "9"));
        assertThat(past.text()).contains("une facture déjà émise ne change jamais");

        LocalDate future = LocalDate.now().plusYears(5).plusDays(UUID.randomUUID().hashCode() & 0xff);
        Page saved = restauration.follow(restauration.submit(form, "#form-tarif", Map.of("validFrom", future.toString(),
                "rows[0].qfMin", "0", "rows[0].qfMax", "1000", "rows[0].price1", "2,10", "rows[0].price2", "2", "rows[0].price3", "1.90",
                "rows[1].qfMin", "1001", "rows[1].price1", "5", "rows[1].price2", "4,5", "rows[1].price3", "4")));
        assertThat(saved.text()).contains("Le nouveau tarif est enregistré");
        assertThat(activities.unitPrice(cantine, day, 800, 1)).contains(before);
        assertThat(activities.unitPrice(cantine, future, 800, 1).orElseThrow()).isEqualByComparingTo("2.10");
        assertThat(activities.unitPrice(cantine, future, 5000, 4).orElseThrow()).isEqualByComparingTo("4");
    }
}
