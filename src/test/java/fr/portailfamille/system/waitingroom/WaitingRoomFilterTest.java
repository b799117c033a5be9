package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.system.security.LoginLoad;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
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
            new WaitingRoomSettings(true, 1, 10, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofSeconds(5), List.of()),
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
        assertThat(stillWaiting.getContentAsString()).startsWith("{\"entree\":false,\"place\":1,");

        release.countDown();
        first.join();
        room.pulse(1_000_000_000L);
        assertThat(queue.servedUpTo).isEqualTo(1);
        MockFilterChain in = new MockFilterChain();
        filter.doFilter(withTicket("/planning", ticket), new MockHttpServletResponse(), in);
        assertThat(in.getRequest()).as("its turn: the page is worked on").isNotNull();
        assertThat(room.open()).isFalse();
    }

    private static MockHttpServletRequest withTicket(String path, Cookie ticket) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setCookies(new Cookie(ticket.getName(), ticket.getValue()));
        return request;
    }
}
