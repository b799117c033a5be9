package fr.portailfamille.system.waitingroom;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The waiting room's settings ({@code portal.waiting-room.*}).
 *
 * @param enabled        off: every request goes straight to the portal, as before the room existed
 * @param maxInFlight    family requests this node works on at once beyond which newcomers queue
 * @param admitPerSecond the pace, in families per second, at which this node starts letting them in when some
 *                       wait (0: none ever, a test lets them in); it then follows the node's free capacity
 * @param maxAdmitPerSecond the fastest pace this node lets them in at, however free it is
 * @param pulse          how often this node reads the shared queue and lets the next families in
 * @param ticketLifetime how long a ticket (the cookie) keeps its place, and a kept form its replay
 * @param pageRefresh    how often the waiting page reloads itself without JavaScript (and the script polls)
 * @param ticketsPerAddress places still waiting one client address (an IPv6 network: its /64) may hold,
 *                       counted by every node together (0: no limit); a retry carrying its ticket takes none
 * @param freshQueueAfter once the room has stood closed this long on this node (nobody waiting, the node under
 *                       capacity, the password checks free), the tickets given before it let nobody in anymore:
 *                       the next rush queues every family again by its arrival, those let in during an earlier
 *                       one included, instead of letting them all in at once
 * @param exemptPaths    never queued: the staff realm, machines calling the portal, the static files
 */
@ConfigurationProperties("portal.waiting-room")
record WaitingRoomSettings(boolean enabled, int maxInFlight, int admitPerSecond, int maxAdmitPerSecond, Duration pulse,
        Duration ticketLifetime, Duration pageRefresh, int ticketsPerAddress, Duration freshQueueAfter,
        List<String> exemptPaths) {}
