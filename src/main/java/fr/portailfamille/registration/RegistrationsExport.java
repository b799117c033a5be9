package fr.portailfamille.registration;

import fr.portailfamille.activity.Weekdays;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.export.Spreadsheet;
import fr.portailfamille.system.export.StaffExport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** « Inscriptions » for the services: every registration of their activities (the Guichet Unique: all), withdrawn ones left out. */
@Component
class RegistrationsExport implements StaffExport {

    private final JdbcClient jdbc;

    RegistrationsExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "inscriptions";
    }

    @Override
    public String title() {
        return "Inscriptions aux activités";
    }

    @Override
    public List<String> groups() {
        return List.of(StaffGroup.GUICHET_UNIQUE.id(), StaffGroup.ENFANCE.id(), StaffGroup.RESTAURATION.id());
    }

    @Override
    public boolean byMonth() {
        return false;
    }

    @Override
    public boolean byActivity() {
        return true;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Spreadsheet rows(Request request) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.sql("""
                select f.number, f.name, c.last_name, c.first_name, c.birth_date, a.name as activity, r.weekdays, r.period_label,
                       r.valid_from, r.valid_to, r.state, r.reason, r.created_at
                from registration r join family_file f on f.id = r.family_file_id join child c on c.id = r.child_id
                join activity a on a.id = r.activity_id
                where r.state <> 'WITHDRAWN' and (:every or a.service_group in (:services)) and (:activity = 0 or a.id = :activity)
                order by a.name, c.last_name, c.first_name, r.id""")
                .param("every", request.everyService()).param("services", request.everyService() ? List.of("-") : request.services())
                .param("activity", request.activityId() == null ? 0L : request.activityId())
                .query(rs -> {
                    rows.add(List.of(rs.getString("number"), rs.getString("name"), rs.getString("last_name"), rs.getString("first_name"),
                            rs.getObject("birth_date", LocalDate.class), rs.getString("activity"),
                            Weekdays.labels(Arrays.stream(rs.getString("weekdays").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                                    .map(DayOfWeek::valueOf).toList()),
                            rs.getString("period_label"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                            RegistrationState.valueOf(rs.getString("state")).label(), nullToEmpty(rs.getString("reason")),
                            rs.getTimestamp("created_at").toInstant()));
                });
        return new Spreadsheet(List.of("Dossier", "Famille", "Nom de l'enfant", "Prénom", "Né(e) le", "Activité", "Jours", "Période",
                "Du", "Au", "État", "Motif", "Demandée le"), rows);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
