package fr.portailfamille.attendance;

import fr.portailfamille.planning.PlanningDayNotes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The family's declared absences on its « Planning »: « Absence signalée », « Absence justifiée », « Absence refusée ». */
@Component
class AbsenceDayNotes implements PlanningDayNotes {

    private final JdbcClient jdbc;

    AbsenceDayNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Map<LocalDate, Note>> of(long familyFileId, long activityId, YearMonth month) {
        Map<Long, Map<LocalDate, Note>> notes = new HashMap<>();
        // the latest declaration of a day wins (a refused one may be declared again)
        jdbc.sql("""
                select child_id, day, state from absence where family_file_id = ? and activity_id = ? and day between ? and ?
                order by declared_at, id""").params(familyFileId, activityId, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> {
                    AbsenceState state = AbsenceState.valueOf(rs.getString(3));
                    notes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getObject(2, LocalDate.class), note(state));
                    return null;
                }).list();
        return notes;
    }

    static Note note(AbsenceState state) {
        return switch (state) {
            case EN_ATTENTE -> new Note("Absence signalée", state.css());
            case ACCEPTEE -> new Note("Absence justifiée", state.css());
            case REFUSEE -> new Note("Absence refusée", state.css());
        };
    }
}
