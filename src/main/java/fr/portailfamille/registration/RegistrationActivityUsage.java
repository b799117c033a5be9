package fr.portailfamille.registration;

import fr.portailfamille.activity.ActivityUsage;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registrations, validated or waiting for the service, of an activity's period (a period is known by its start day). */
@Component
class RegistrationActivityUsage implements ActivityUsage {

    private final JdbcClient jdbc;

    RegistrationActivityUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> usesBetween(long activityId, LocalDate from, LocalDate to) {
        int validated = count(activityId, from, to, RegistrationState.VALIDATED);
        int pending = count(activityId, from, to, RegistrationState.PENDING);
        if (validated == 0 && pending == 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        if (validated > 0) {
            text.append(validated).append(validated > 1 ? " inscriptions validées" : " inscription validée");
        }
        if (pending > 0) {
            text.append(validated > 0 ? " et " : "").append(pending).append(pending > 1 ? " pré-inscriptions en attente" : " pré-inscription en attente");
        }
        return Optional.of(text.toString());
    }

    private int count(long activityId, LocalDate from, LocalDate to, RegistrationState state) {
        return jdbc.sql("select count(*) from registration where activity_id = ? and state = ? and valid_from between ? and ?")
                .params(activityId, state.name(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(Integer.class).single();
    }
}
