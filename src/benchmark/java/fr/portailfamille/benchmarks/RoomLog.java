package fr.portailfamille.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What each family saw of the waiting room, to check afterwards that it let them in by arrival order:
 * its ticket, the last instant it was certainly still waiting (an answer « pas encore » received,
 * minus that answer's own response time: the portal said so at that instant or later) and the
 * instant it was certainly in (the answer « entrée » received). A family still waiting at an instant
 * when a family with a later ticket was already in is an inversion ({@code benchmarks/room_order.py}).
 * Written at the end of the run to {@code bench.roomLog} when that property is set.
 */
final class RoomLog {

    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    private RoomLog() {}

    /** One wait: {@code lastWaitingMillis} is -1 when the first answer already let the family in. */
    static void record(long ticket, long lastWaitingMillis, long enteredMillis) {
        LINES.add(ticket + " " + lastWaitingMillis + " " + enteredMillis);
    }

    static void write() {
        String file = System.getProperty("bench.roomLog", "");
        if (file.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(LINES);
        try {
            Files.write(Path.of(file), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
