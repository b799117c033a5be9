package fr.portailfamille.family;

import fr.portailfamille.family.ChildCareCard.Contact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family module's public service for the staff who run an activity: the care cards of many
 * children in three queries (a day sheet holds up to a few hundred children), and a search of
 * children by name (a child who comes without a booking).
 */
@Service
@Transactional(readOnly = true)
public class ChildCareCards {

    private final JdbcClient jdbc;

    ChildCareCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cards of these children, by child id, ordered by last name then first name. */
    public Map<Long, ChildCareCard> of(Collection<Long> childIds) {
        Map<Long, ChildCareCard> cards = new LinkedHashMap<>();
        if (childIds.isEmpty()) {
            return cards;
        }
        Long[] ids = childIds.toArray(Long[]::new);
        Map<Long, List<Contact>> pickups = new HashMap<>();
        jdbc.sql("select child_id, last_name, first_name, relationship, phone from pickup_person where child_id = any(?) order by id")
                .param(ids)
                .query((rs, i) -> pickups.computeIfAbsent(rs.getLong("child_id"), k -> new ArrayList<>())
                        .add(new Contact(rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("relationship"),
                                List.of(rs.getString("phone")))))
                .list();
        Map<Long, List<Contact>> parents = new HashMap<>();
        jdbc.sql("""
                select g.family_file_id, g.first_name, g.last_name, g.relationship, g.mobile_phone, g.home_phone, g.work_phone
                from guardian g where g.family_file_id in (select family_file_id from child where id = any(?))
                order by g.family_file_id, g.position, g.id""")
                .param(ids)
                .query((rs, i) -> parents.computeIfAbsent(rs.getLong("family_file_id"), k -> new ArrayList<>())
                        .add(new Contact(rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("relationship"),
                                Stream.of(rs.getString("mobile_phone"), rs.getString("home_phone"), rs.getString("work_phone"))
                                        .filter(Objects::nonNull).filter(p -> !p.isBlank()).toList())))
                .list();
        jdbc.sql("""
                select c.id, c.family_file_id, c.first_name, c.last_name, c.birth_date, c.school, c.school_class,
                       coalesce(h.pai, false) as pai, h.pai_details, h.allergies, h.diet
                from child c left join health_sheet h on h.child_id = c.id
                where c.id = any(?) order by c.last_name, c.first_name, c.id""")
                .param(ids)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    long file = rs.getLong("family_file_id");
                    return cards.put(id, new ChildCareCard(id, file, rs.getString("first_name"), rs.getString("last_name"),
                            rs.getObject("birth_date", LocalDate.class), rs.getString("school"), rs.getString("school_class"),
                            rs.getBoolean("pai"), rs.getString("pai_details"), rs.getString("allergies"), rs.getString("diet"),
                            pickups.getOrDefault(id, List.of()), parents.getOrDefault(file, List.of())));
                })
                .list();
        return cards;
    }

    /** Children whose first or last name contains the text (case ignored), at most {@code limit}. */
    public List<ChildSummary> search(String text, int limit) {
        String pattern = "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select id, family_file_id, first_name, last_name, birth_date from child
                where lower(first_name || ' ' || last_name) like ? or lower(last_name || ' ' || first_name) like ?
                order by last_name, first_name, id limit ?""")
                .params(pattern, pattern, limit)
                .query((rs, i) -> new ChildSummary(rs.getLong("id"), rs.getLong("family_file_id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class)))
                .list();
    }
}
