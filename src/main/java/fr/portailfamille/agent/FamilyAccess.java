package fr.portailfamille.agent;

import fr.portailfamille.planning.Bookings;
import fr.portailfamille.registration.Registrations;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.security.StaffPrincipal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Need-to-know on the family files (health data is sensitive): the Guichet Unique (and the
 * administrators) see every file and every health sheet; finances see every file (every family is
 * billed) and no health sheet; a service (enfance, restauration…) sees only the families with a
 * registration or a booking in its activities, and the health sheets of those children only.
 */
@Component
class FamilyAccess {

    /** What one agent may see of one family file. */
    record Access(boolean file, boolean everyChild, Set<Long> healthChildren) {

        static final Access NONE = new Access(false, false, Set.of());

        boolean health(long childId) {
            return everyChild || healthChildren.contains(childId);
        }
    }

    private final Registrations registrations;
    private final Bookings bookings;

    FamilyAccess(Registrations registrations, Bookings bookings) {
        this.registrations = registrations;
        this.bookings = bookings;
    }

    Access of(StaffPrincipal staff, long familyFileId) {
        if (staff.isIn(StaffGroup.GUICHET_UNIQUE.id())) {
            return new Access(true, true, Set.of());
        }
        List<String> services = services(staff);
        Set<Long> children = new HashSet<>(registrations.childrenRegisteredWith(familyFileId, services));
        children.addAll(bookings.childrenBookedWith(familyFileId, services));
        boolean finances = staff.isIn(StaffGroup.FINANCES.id());
        return new Access(finances || !children.isEmpty(), false, Set.copyOf(children));
    }

    /** The agent's groups that run activities: every group but the Guichet Unique and finances. */
    static List<String> services(StaffPrincipal staff) {
        return staff.groups().stream()
                .filter(g -> !g.equals(StaffGroup.GUICHET_UNIQUE.id()) && !g.equals(StaffGroup.FINANCES.id())
                        && !g.equals(StaffGroup.ADMIN))
                .toList();
    }
}
