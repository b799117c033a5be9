package fr.portailfamille.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import fr.portailfamille.support.WebSession;
import fr.portailfamille.support.WebSession.Page;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The occupancy pages over real HTTP: a month's days with capacity, booked, waiting and closed, the
 * chart's data and library; a day's waiting list in order, « proposer la place » (booked, the
 * promotion mail) and « retirer »; another service sees nothing.
 */
class OccupancyTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    private AttendanceFixtures fixtures;
    private final LocalDate day = LocalDate.now(PortalTime.ZONE).plusWeeks(2).with(java.time.DayOfWeek.TUESDAY);

    @BeforeEach
    void fixtures() {
        fixtures = new AttendanceFixtures(jdbc);
    }

    private WebSession agent(String user) {
        WebSession agent = session();
        agent.follow(agent.submit(agent.get("/agent/connexion"), "form", Map.of("username", user, "password", "demo")));
        return agent;
    }

    @Test
    void theMonthShowsEachDaysCapacityBookedWaitingAndClosuresWithTheChart() {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 2);
        jdbc.update("insert into activity_closure (activity_id, day, reason) values (?, ?, 'travaux')", activity, day.plusDays(1));
        long family = fixtures.family("PLEIN");
        for (String name : new String[] {"Un", "Deux"}) {
            fixtures.book(family, fixtures.child(family, "PLEIN", name, day.minusYears(6), "CP"), activity, day);
        }
        fixtures.booking(family, fixtures.child(family, "PLEIN", "Trois", day.minusYears(6), "CP"), activity, day, "WAITING");

        WebSession enfance = agent("enfance");
        Page month = enfance.get("/agent/occupation/" + activity + "?mois=" + YearMonth.from(day));
        assertThat(month.status()).isEqualTo(200);
        Element row = month.doc().select("table.occupancy tr").stream()
                .filter(r -> r.text().startsWith(PortalTime.DAY.format(day))).findFirst().orElseThrow();
        assertThat(row.select("td").eachText()).startsWith("2", "2", "1", "100 %");
        Element closed = month.doc().select("table.occupancy tr").stream()
                .filter(r -> r.text().startsWith(PortalTime.DAY.format(day.plusDays(1)))).findFirst().orElseThrow();
        assertThat(closed.text()).contains("fermé");
        Element chart = month.doc().getElementById("graphique-occupation");
        assertThat(chart.attr("data-rates")).contains("100");
        assertThat(month.doc().select("script[src*=uPlot.iife.min]")).hasSize(1);
        assertThat(enfance.get(month.doc().selectFirst("script[src*=uPlot]").attr("src")).status()).isEqualTo(200);

        Page week = enfance.get("/agent/occupation/" + activity + "?semaine=" + day);
        assertThat(week.text()).contains("Semaine du", PortalTime.DAY.format(day));
        assertThat(agent("restauration").get("/agent/occupation/" + activity).status()).isEqualTo(403);
    }

    @Test
    void theServiceProposesThePlaceToAWaitingChildOrWithdrawsOne() {
        long activity = fixtures.activity("Centre", "enfance", "DAY", 1);
        long family = fixtures.family("ATTENTE");
        fixtures.book(family, fixtures.child(family, "ATTENTE", "Premier", day.minusYears(6), "CP"), activity, day);
        long second = fixtures.child(family, "ATTENTE", "Second", day.minusYears(7), "CE1");
        long third = fixtures.child(family, "ATTENTE", "Troisième", day.minusYears(8), "CE2");
        long secondBooking = fixtures.booking(family, second, activity, day, "WAITING");
        long thirdBooking = fixtures.booking(family, third, activity, day, "WAITING");

        WebSession enfance = agent("enfance");
        String dayPath = "/agent/occupation/" + activity + "/" + day;
        Page list = enfance.get(dayPath);
        assertThat(list.doc().select("tbody tr").eachText()).hasSize(2);
        assertThat(list.doc().select("tbody tr").get(0).text()).startsWith("1 ATTENTE Second");

        // the day is full: the place cannot be offered
        Page full = enfance.follow(enfance.submit(list, "form[action$=/attente/" + thirdBooking + "/proposer]", Map.of()));
        assertThat(full.text()).contains("Le jour est complet");

        // the service raises the capacity in the catalogue: now the third child (not the first waiting) gets it
        jdbc.update("update activity set capacity_per_day = 2 where id = ?", activity);
        Page offered = enfance.follow(enfance.submit(enfance.get(dayPath), "form[action$=/attente/" + thirdBooking + "/proposer]", Map.of()));
        assertThat(offered.text()).contains("La place est donnée ; la famille est prévenue par courriel.", "1 en attente");
        assertThat(jdbc.queryForObject("select state from booking where id = ?", String.class, thirdBooking)).isEqualTo("BOOKED");
        assertThat(mailbox().await(fixtures.emailOf(family), "Place obtenue").text()).contains("Troisième");

        Page withdrawn = enfance.follow(enfance.submit(offered, "form[action$=/attente/" + secondBooking + "/retirer]", Map.of()));
        assertThat(withdrawn.text()).contains("L'enfant est retiré de la liste d'attente.", "Personne n'attend une place ce jour.");
        assertThat(jdbc.queryForObject("select state from booking where id = ?", String.class, secondBooking)).isEqualTo("CANCELLED");
        // twice: a clear message, nothing else changes
        Page again = enfance.postForm(dayPath + "/attente/" + secondBooking + "/retirer", Map.of("_csrf", enfance.get("/agent").doc().selectFirst("input[name=_csrf]").attr("value")));
        assertThat(enfance.follow(again).text()).contains("n'est plus sur la liste d'attente");
    }
}
