import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What one login costs the processor: bcrypt checks of the portal's hash (Spring Security's
 * default strength 10), on one thread then on every processor, after a warm-up. Prints checks per
 * second; the rush's login ceiling follows from it. Run by benchmarks/bcrypt-cost.sh.
 */
public class BcryptCost {

    public static void main(String[] args) throws Exception {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
        String hash = bcrypt.encode("Banc-Essai-2026");
        for (int i = 0; i < 20; i++) {
            bcrypt.matches("Banc-Essai-2026", hash);
        }
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            bcrypt.matches("Banc-Essai-2026", hash);
        }
        double oneThread = checks / ((System.nanoTime() - start) / 1e9);
        int processors = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(processors);
        start = System.nanoTime();
        List<Future<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < checks * processors; i++) {
            all.add(pool.submit(() -> bcrypt.matches("Banc-Essai-2026", hash)));
        }
        for (Future<Boolean> f : all) {
            f.get();
        }
        double allThreads = checks * processors / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        System.out.printf("bcrypt strength 10: %.1f ms per check; %.1f checks/s on one thread, %.1f checks/s on %d processors%n",
                1000 / oneThread, oneThread, allThreads, processors);
        System.out.printf("2,500 logins need %.0f s of one processor: %.0f s on %d processors at best%n",
                2500 / oneThread, 2500 / allThreads, processors);
    }
}
