package fr.portailfamille.planning;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's private iCalendar feed of its children's booked days. The URL carries a random token;
 * only its SHA-256 is stored, so a stolen database does not open any feed. « Désactiver » revokes it.
 */
@Service
class PlanningFeed {

    /** The feed shows the booked days from this many months back to a year ahead. */
    static final int MONTHS_BACK = 3;

    private final JdbcClient jdbc;
    private final FamilyFiles families;
    private final Activities activities;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PlanningFeed(JdbcClient jdbc, FamilyFiles families, Activities activities, Clock clock) {
        this.jdbc = jdbc;
        this.families = families;
        this.activities = activities;
        this.clock = clock;
    }

    /** When the family's feed was turned on, if it is. */
    Optional<Instant> activeSince(long familyFileId) {
        return jdbc.sql("select created_at from planning_feed where family_file_id = ? and revoked_at is null")
                .param(familyFileId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Turns the feed on with a new token (revoking any previous one); returns the token, shown once. */
    @Transactional
    String activate(long familyFileId) {
        revoke(familyFileId);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into planning_feed (family_file_id, token_hash, created_at) values (?, ?, ?)")
                .params(familyFileId, hash(token), Timestamp.from(clock.instant())).update();
        return token;
    }

    @Transactional
    void revoke(long familyFileId) {
        jdbc.sql("update planning_feed set revoked_at = ? where family_file_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), familyFileId).update();
    }

    /** The iCalendar text of the feed of this token, empty when the token is unknown or revoked. */
    @Transactional(readOnly = true)
    Optional<String> calendar(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> familyFileId = jdbc.sql("select family_file_id from planning_feed where token_hash = ? and revoked_at is null")
                .param(hash(token)).query(Long.class).optional();
        return familyFileId.flatMap(families::find).map(this::render);
    }

    private String render(FamilySummary family) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, ChildSummary> children = family.children().stream().collect(Collectors.toMap(ChildSummary::id, Function.identity()));
        Map<Long, String> activityNames = activities.all().stream().collect(Collectors.toMap(ActivitySummary::id, ActivitySummary::name));
        List<Map<String, Object>> booked = jdbc.sql("""
                select id, child_id, activity_id, day from booking
                where family_file_id = ? and state = 'BOOKED' and day between ? and ? order by day, child_id
                """).params(family.id(), today.minusMonths(MONTHS_BACK), today.plusYears(1)).query().listOfRows();
        Calendar calendar = new Calendar().withDefaults().withProdId("-//Portail Famille//Planning//FR").getFluentTarget();
        for (Map<String, Object> row : booked) {
            ChildSummary child = children.get(((Number) row.get("child_id")).longValue());
            String activity = activityNames.getOrDefault(((Number) row.get("activity_id")).longValue(), "Activité");
            LocalDate day = ((java.sql.Date) row.get("day")).toLocalDate();
            VEvent event = (VEvent) new VEvent(day, day.plusDays(1), (child == null ? "" : child.firstName() + " – ") + activity)
                    .withProperty(new Uid("reservation-" + row.get("id") + "@portail-famille"))
                    .getFluentTarget();
            calendar = calendar.withComponent(event).getFluentTarget();
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
