package fr.portailfamille.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * « dupliquer des réservations »: every rule applies to every target, and the report says, per
 * target and day, what happened: copied, waiting list (full day), refused past the cut-off, refused
 * for a child not registered. The form's mistakes are answered in French on their fields.
 */
class DuplicationTest extends PortalIntegrationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    ActivityCalendar calendar;

    @Autowired
    BookingLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Activities activities;

    @Autowired
    FamilyFiles families;

    @Test
    void theReportTellsCopiedWaitingListPastTheCutOffAndNotRegisteredPerTargetAndDay() {
        PlanningFixtures data = new PlanningFixtures(jdbc);
        ActivitySummary activity = activities.find(data.activity("Duplication", 2)).orElseThrow();
        long family = data.family("COPIE");
        long leaId = data.child(family, "Léa");
        long hugoId = data.child(family, "Hugo");
        long chloeId = data.child(family, "Chloé");
        List<ChildSummary> children = families.find(family).orElseThrow().children();
        ChildSummary lea = child(children, leaId);
        LocalDate pastCutOff = LocalDate.of(2027, 3, 11);
        LocalDate open = LocalDate.of(2027, 3, 15);
        LocalDate full = LocalDate.of(2027, 3, 16);
        for (LocalDate day : List.of(pastCutOff, open, full)) {
            ledger.book(family, leaId, activity.id(), day, 2, BookingSource.PLANNING, "test");
        }
        // two places a day: on the 16th, a child of another family took the second one
        long other = data.family("AUTRE");
        ledger.book(other, data.child(other, "Zoé"), activity.id(), full, 2, BookingSource.PLANNING, "test");

        ValidatedRegistrations registrations = (ids, activityId, from, to) -> {
            Map<Long, List<ValidatedRegistrations.Cover>> covers = new HashMap<>();
            ids.stream().filter(id -> id != chloeId).forEach(id ->
                    covers.put(id, List.of(new ValidatedRegistrations.Cover(EnumSet.allOf(DayOfWeek.class), from, to))));
            return covers;
        };
        Clock wednesdayMorning = Clock.fixed(ZonedDateTime.of(2027, 3, 10, 9, 0, 0, 0, PARIS).toInstant(), PARIS);
        PlanningService planning = new PlanningService(ledger, new RuleBasedBookingRules(registrations, calendar, wednesdayMorning),
                org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));

        List<PlanningService.ReportLine> report = planning.duplicate(family, activity, lea,
                List.of(child(children, hugoId), child(children, chloeId)), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), "test");

        assertThat(report).extracting(l -> l.person() + " " + l.day() + " " + l.outcome() + " " + l.position() + " "
                        + (l.reason() == null ? "" : l.reason().replaceAll(" le .*", "")))
                .containsExactly(
                        "Hugo 2027-03-11 REFUSED 0 hors délai : il fallait réserver au plus tard",
                        "Hugo 2027-03-15 COPIED 0 ",
                        "Hugo 2027-03-16 WAITING 1 ",
                        "Chloé 2027-03-11 REFUSED 0 non inscrit : aucune inscription validée ne couvre ce jour",
                        "Chloé 2027-03-15 REFUSED 0 non inscrit : aucune inscription validée ne couvre ce jour",
                        "Chloé 2027-03-16 REFUSED 0 non inscrit : aucune inscription validée ne couvre ce jour");
        assertThat(jdbc.queryForList("select day || ' ' || state from booking where child_id = ? order by day", String.class, hugoId))
                .containsExactly("2027-03-15 BOOKED", "2027-03-16 WAITING");
        assertThat(jdbc.queryForObject("select count(*) from booking where child_id = ?", Integer.class, chloeId)).isZero();

        // duplicating again changes nothing and says so
        assertThat(planning.duplicate(family, activity, lea, List.of(child(children, hugoId)), LocalDate.of(2027, 3, 14),
                LocalDate.of(2027, 3, 16), "test")).extracting(l -> l.outcome() + " " + l.position())
                .containsExactly("ALREADY_BOOKED 0", "ALREADY_WAITING 1");
    }

    @Test
    void theFormAnswersMistakesInFrenchOnTheirFields() {
        WebSession session = session();
        session.login("dupont", "Portail-Demo-2026");
        WebSession.Page form = session.get("/planning/dupliquer");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("Personne source", "Personnes cibles", "Date de début", "Date de fin");

        WebSession.Page answer = session.submit(form, "form[action$=/planning/dupliquer]", Map.of("du", "2027-03-31", "au", "2027-03-01"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.doc().select(".field-error").eachText()).containsExactly(
                "Cochez au moins une personne cible, autre que la personne source.",
                "La date de fin doit être après la date de début.");
        assertThat(answer.doc().selectFirst("#au").attr("aria-invalid")).isEqualTo("true");
        assertThat(answer.doc().selectFirst("#au").attr("value")).isEqualTo("2027-03-01");

        WebSession.Page badDate = session.submit(form, "form[action$=/planning/dupliquer]", Map.of("du", "31/02/2027"));
        assertThat(badDate.status()).isEqualTo(200);
        assertThat(badDate.text()).contains("Saisissez une date de début valide");
        assertThat(badDate.doc().selectFirst("#du").attr("value")).isEqualTo("31/02/2027");
    }

    private static ChildSummary child(List<ChildSummary> children, long id) {
        return children.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
