package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.security.LoginLoad;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The load signal itself: with a ceiling of one request at once, a newcomer arriving while a request
 * is being worked on gets its place at once (it does not wait behind it), and gets in once that
 * request is answered and the node's pulse lets the next family in. The queue is played in memory.
 */
class WaitingRoomFilterTest {

    private static final byte[] KEY = "une-cle-de-test-de-trente-deux-o".getBytes();

    private final WaitingRoomPulseTest.QueueInMemory queue = new WaitingRoomPulseTest.QueueInMemory(0);
    private final WaitingRoom room = new WaitingRoom(queue,
            new WaitingRoomSettings(true, 1, 10, 100, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), 0, Duration.ofSeconds(10), List.of()),
            new LoginLoad(), Clock.systemUTC());
    private final WaitingRoomFilter filter = new WaitingRoomFilter(room, new Tickets(KEY, Clock.systemUTC(), Duration.ofHours(2)),
            queue, List.of("/agent/**"), false);

    @Test
    void pastTheCeilingANewcomerGetsItsPlaceAtOnceAndGetsInWhenCapacityFrees() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slowPage = (request, response) -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread first = new Thread(() -> {
            try {
                filter.doFilter(new MockHttpServletRequest("GET", "/planning"), new MockHttpServletResponse(), slowPage);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        inside.await();

        MockHttpServletResponse newcomer = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/planning"), newcomer, notReached);
        assertThat(newcomer.getStatus()).isEqualTo(303);
        assertThat(newcomer.getHeader("Location")).isEqualTo("/salle-d-attente?retour=%2Fplanning");
        assertThat(notReached.getRequest()).as("the page is not worked on for the newcomer").isNull();
        Cookie ticket = newcomer.getCookie(Tickets.COOKIE);
        assertThat(ticket).isNotNull();
        assertThat(ticket.isHttpOnly()).isTrue();

        // the staff realm never queues
        MockFilterChain staff = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/agent"), new MockHttpServletResponse(), staff);
        assertThat(staff.getRequest()).isNotNull();

        room.pulse(0);
        assertThat(queue.servedUpTo).as("no capacity free while the first request is worked on").isZero();
        MockHttpServletResponse stillWaiting = new MockHttpServletResponse();
        filter.doFilter(withTicket("/salle-d-attente/etat", ticket), stillWaiting, new MockFilterChain());
        assertThat(stillWaiting.getContentAsString()).startsWith("{\"entree\":false,\"ticket\":1,\"place\":1,");

        release.countDown();
        first.join();
        room.pulse(1_000_000_000L);
        assertThat(queue.servedUpTo).isEqualTo(1);
        MockFilterChain in = new MockFilterChain();
        filter.doFilter(withTicket("/planning", ticket), new MockHttpServletResponse(), in);
        assertThat(in.getRequest()).as("its turn: the page is worked on").isNotNull();
        assertThat(room.open()).isFalse();
    }

    @Test
    void aFloodWithoutTheCookieTakesItsAddressAllowanceThenNoPlaceWithoutAskingTheSharedCountEachTime() throws Exception {
        WaitingRoom cappedRoom = new WaitingRoom(queue,
                new WaitingRoomSettings(true, 1, 10, 100, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), 3, Duration.ofSeconds(10), List.of()),
                new LoginLoad(), Clock.systemUTC());
        WaitingRoomFilter capped = new WaitingRoomFilter(cappedRoom, new Tickets(KEY, Clock.systemUTC(), Duration.ofHours(2)), queue,
                List.of(), false);
        cappedRoom.issue("198.51.100.1");
        assertThat(cappedRoom.open()).as("someone waits: newcomers queue").isTrue();

        int placed = 0;
        for (int i = 0; i < 500; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/planning");
            request.setRemoteAddr("203.0.113.7");
            MockHttpServletResponse response = new MockHttpServletResponse();
            capped.doFilter(request, response, new MockFilterChain());
            if (response.getCookie(Tickets.COOKIE) != null) {
                placed++;
            } else {
                assertThat(response.getForwardedUrl()).isEqualTo("/salle-d-attente");
                assertThat(request.getAttribute(WaitingPages.SHEET)).isEqualTo(new WaitingPages.Sheet(WaitingPages.Kind.FULL, false, false, 60));
            }
        }
        assertThat(placed).isEqualTo(3);
        assertThat(queue.lastTicket).as("one ticket before the flood, three for it").isEqualTo(4);
        // the refusal remembered a second on this node: the shared count is not asked for each of the 497 refused
        assertThat(queue.asked).isLessThan(12);

        MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/planning");
        elsewhere.setRemoteAddr("198.51.100.20");
        MockHttpServletResponse answer = new MockHttpServletResponse();
        capped.doFilter(elsewhere, answer, new MockFilterChain());
        assertThat(answer.getCookie(Tickets.COOKIE)).as("another address gets its place").isNotNull();

        // its families let in, the address takes places again (once this node's memory of the refusal is past)
        queue.servedUpTo = queue.lastTicket;
        Thread.sleep(1100);
        MockHttpServletRequest again = new MockHttpServletRequest("GET", "/planning");
        again.setRemoteAddr("203.0.113.7");
        MockHttpServletResponse placedAgain = new MockHttpServletResponse();
        capped.doFilter(again, placedAgain, new MockFilterChain());
        assertThat(placedAgain.getCookie(Tickets.COOKIE)).isNotNull();
    }

    @Test
    void withoutAConnectionForTheRoomANewcomerIsAnsweredAtOnceAllTheSame() throws Exception {
        WaitingRoomPulseTest.QueueInMemory unreachable = new WaitingRoomPulseTest.QueueInMemory(1) {
            @Override
            OptionalLong nextTicket(String address, int perAddress) {
                throw new CannotGetJdbcConnectionException("every connection of the room busy");
            }
        };
        WaitingRoom busyRoom = new WaitingRoom(unreachable,
                new WaitingRoomSettings(true, 0, 10, 100, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), 0, Duration.ofSeconds(10), List.of()),
                new LoginLoad(), Clock.systemUTC());
        WaitingRoomFilter busyFilter = new WaitingRoomFilter(busyRoom, new Tickets(KEY, Clock.systemUTC(), Duration.ofHours(2)),
                unreachable, List.of(), false);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/planning");
        MockHttpServletResponse response = new MockHttpServletResponse();
        busyFilter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getForwardedUrl()).as("the waiting page without a number, which asks again").isEqualTo("/salle-d-attente");
        assertThat(request.getAttribute(WaitingPages.SHEET)).isEqualTo(new WaitingPages.Sheet(WaitingPages.Kind.BUSY, false, false, 3));
        assertThat(response.getCookie(Tickets.COOKIE)).isNull();
    }

    @Test
    void aFamilyLetInDuringAnEarlierRushQueuesAgainByItsArrivalWhenTheNextOneOpensTheRoom() throws Exception {
        // the logins' rush: the node at its ceiling, the family takes ticket 1, is let in and goes in
        room.entered();
        MockHttpServletResponse earlier = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/connexion"), earlier, new MockFilterChain());
        Cookie old = earlier.getCookie(Tickets.COOKIE);
        room.left();
        room.pulse(0);
        MockFilterChain in = new MockFilterChain();
        filter.doFilter(withTicket("/planning", old), new MockHttpServletResponse(), in);
        assertThat(in.getRequest()).isNotNull();

        // the room stands closed ten seconds (a pulse a second), then the opening: the node at its ceiling again
        for (int i = 1; i <= 11; i++) {
            room.pulse(i * 1_000_000_000L);
        }
        room.entered();
        MockHttpServletResponse again = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        filter.doFilter(withTicket("/planning", old), again, notReached);
        room.left();
        assertThat(notReached.getRequest()).as("the earlier rush's ticket lets nobody in").isNull();
        assertThat(again.getStatus()).isEqualTo(303);
        assertThat(again.getHeader("Location")).isEqualTo("/salle-d-attente?retour=%2Fplanning");
        assertThat(again.getCookie(Tickets.COOKIE).getValue()).as("a new number, behind those already waiting").startsWith("2.");

        // while the room is closed, the old ticket is no hindrance either
        queue.servedUpTo = 2;
        room.pulse(12_000_000_000L);
        MockFilterChain closed = new MockFilterChain();
        filter.doFilter(withTicket("/planning", old), new MockHttpServletResponse(), closed);
        assertThat(closed.getRequest()).isNotNull();
    }

    @Test
    void anIpv6AddressCountsAsItsNetwork() {
        assertThat(WaitingRoomFilter.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(WaitingRoomFilter.addressKey("2001:db8:5a11:e:1::1")).isEqualTo("2001:db8:5a11:e::/64");
        assertThat(WaitingRoomFilter.addressKey("2001:0db8:5a11:000e:ffff:1:2:3")).isEqualTo("2001:db8:5a11:e::/64");
        assertThat(WaitingRoomFilter.addressKey("2001:db8:5a11:f::1")).isEqualTo("2001:db8:5a11:f::/64");
        assertThat(WaitingRoomFilter.addressKey("::ffff:203.0.113.7")).as("an IPv4 address written as IPv6").isEqualTo("203.0.113.7");
        assertThat(WaitingRoomFilter.addressKey(null)).isEmpty();
    }

    private static MockHttpServletRequest withTicket(String path, Cookie ticket) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setCookies(new Cookie(ticket.getName(), ticket.getValue()));
        return request;
    }
}
