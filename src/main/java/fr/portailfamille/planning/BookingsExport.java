package fr.portailfamille.planning;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.export.Spreadsheet;
import fr.portailfamille.system.export.StaffExport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** « Réservations » of a month, per activity: each booked, waiting or cancelled day, for the services' day sheets. */
@Component
class BookingsExport implements StaffExport {

    private final JdbcClient jdbc;

    BookingsExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "reservations";
    }

    @Override
    public String title() {
        return "Réservations du mois, par activité";
    }

    @Override
    public List<String> groups() {
        return List.of(StaffGroup.GUICHET_UNIQUE.id(), StaffGroup.ENFANCE.id(), StaffGroup.RESTAURATION.id());
    }

    @Override
    public boolean byMonth() {
        return true;
    }

    @Override
    public boolean byActivity() {
        return true;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Spreadsheet rows(Request request) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.sql("""
                select a.name as activity, b.day, f.number, f.name, c.last_name, c.first_name, b.state, b.requested_at
                from booking b join activity a on a.id = b.activity_id join family_file f on f.id = b.family_file_id
                join child c on c.id = b.child_id
                where b.day between :first and :last and (:every or a.service_group in (:services))
                  and (:activity = 0 or a.id = :activity)
                order by a.name, b.day, c.last_name, c.first_name, b.id""")
                .param("first", request.month().atDay(1)).param("last", request.month().atEndOfMonth())
                .param("every", request.everyService()).param("services", request.everyService() ? List.of("-") : request.services())
                .param("activity", request.activityId() == null ? 0L : request.activityId())
                .query(rs -> {
                    rows.add(List.of(rs.getString("activity"), rs.getObject("day", LocalDate.class), rs.getString("number"),
                            rs.getString("name"), rs.getString("last_name"), rs.getString("first_name"),
                            BookingState.valueOf(rs.getString("state")).label(), rs.getTimestamp("requested_at").toInstant()));
                });
        return new Spreadsheet(List.of("Activité", "Jour", "Dossier", "Famille", "Nom de l'enfant", "Prénom", "État", "Demandée le"), rows);
    }
}
