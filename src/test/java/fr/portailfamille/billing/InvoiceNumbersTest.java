package fr.portailfamille.billing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.portailfamille.support.PortalIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless numbering: publications running at the same time, some of them failing and rolling back,
 * leave numbers 1…n of the year with no hole and no duplicate. Each test uses a year of its own.
 */
class InvoiceNumbersTest extends PortalIntegrationTest {

    @Autowired
    InvoiceNumbers numbers;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    /** A run's publication takes its numbers as one block: it follows the numbers before it, and a rollback gives the block back. */
    @Test
    void aReservedBlockFollowsTheLastNumberAndARolledBackBlockLeavesNoHole() {
        int year = 2080 + (int) (System.nanoTime() % 9);
        jdbc.update("delete from invoice_counter where year = ?", year);
        String single = transaction.execute(status -> numbers.next(year));
        Integer block = transaction.execute(status -> numbers.reserve(year, 5));
        transaction.executeWithoutResult(status -> {
            assertThat(numbers.reserve(year, 10)).isEqualTo(7);
            status.setRollbackOnly();
        });
        Integer afterRollback = transaction.execute(status -> numbers.reserve(year, 3));
        String next = transaction.execute(status -> numbers.next(year));
        assertThat(single).isEqualTo(InvoiceNumbers.format(year, 1));
        assertThat(block).isEqualTo(2);
        assertThat(afterRollback).isEqualTo(7);
        assertThat(next).isEqualTo(InvoiceNumbers.format(year, 10));
        assertThat(jdbc.queryForObject("select last_number from invoice_counter where year = ?", Integer.class, year)).isEqualTo(10);
    }

    @Test
    void concurrentPublicationsWithRollbacksLeaveNoHoleAndNoDuplicate() throws Exception {
        int year = 2090 + (int) (System.nanoTime() % 9);
        jdbc.update("delete from invoice_counter where year = ?", year);
        int threads = 8;
        int publicationsPerThread = 12;
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < publicationsPerThread; i++) {
                        boolean fails = (thread + i) % 3 == 0;
                        // a publication takes two numbers; a failing one (a PDF error…) rolls back
                        List<String> taken = transaction.execute(status -> {
                            List<String> mine = List.of(numbers.next(year), numbers.next(year));
                            if (fails) {
                                status.setRollbackOnly();
                            }
                            return mine;
                        });
                        if (!fails) {
                            committed.addAll(taken);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> expected = IntStream.rangeClosed(1, committed.size()).mapToObj(n -> InvoiceNumbers.format(year, n)).toList();
        assertThat(committed).hasSize(threads * publicationsPerThread * 2 - rolledBack(threads, publicationsPerThread) * 2);
        assertThat(committed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.queryForObject("select last_number from invoice_counter where year = ?", Integer.class, year))
                .isEqualTo(committed.size());
    }

    @Test
    void numbersArePerYearAndWrittenLikeTheGuide() {
        int year = 2080 + (int) (System.nanoTime() % 9);
        jdbc.update("delete from invoice_counter where year in (?, ?)", year, year + 1);
        List<String> taken = transaction.execute(status -> List.of(numbers.next(year), numbers.next(year), numbers.next(year + 1)));
        assertThat(taken).containsExactly("FA-" + year + "-000001", "FA-" + year + "-000002", "FA-" + (year + 1) + "-000001");
    }

    private static int rolledBack(int threads, int perThread) {
        int count = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                count += (t + i) % 3 == 0 ? 1 : 0;
            }
        }
        return count;
    }
}
