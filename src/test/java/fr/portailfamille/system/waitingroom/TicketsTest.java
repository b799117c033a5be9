package fr.portailfamille.system.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TicketsTest {

    private static final byte[] KEY = "une-cle-de-test-de-trente-deux-o".getBytes();
    private static final Instant NOW = Instant.parse("2027-02-03T08:00:00Z");

    private final Tickets tickets = new Tickets(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(2));

    @Test
    void aTicketSignedHereIsReadBack() {
        assertThat(tickets.verify(tickets.sign(312)).getAsLong()).isEqualTo(312);
    }

    @Test
    void aSmallerNumberWrittenOverTheTicketIsRefused() {
        String ticket = tickets.sign(312);
        assertThat(tickets.verify("12" + ticket.substring(3))).isEmpty();
        assertThat(tickets.verify("312.1.abc")).isEmpty();
        assertThat(tickets.verify("n'importe quoi")).isEmpty();
        assertThat(tickets.verify(null)).isEmpty();
    }

    @Test
    void anotherNodesKeyOrAnOldTicketIsRefused() {
        Tickets otherKey = new Tickets("une-autre-cle-de-trente-deux-oct".getBytes(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(2));
        assertThat(otherKey.verify(tickets.sign(7))).isEmpty();
        Tickets later = new Tickets(KEY, Clock.fixed(NOW.plus(Duration.ofHours(3)), ZoneOffset.UTC), Duration.ofHours(2));
        assertThat(later.verify(tickets.sign(7))).isEmpty();
    }
}
