package fr.portailfamille.registration;

import static fr.portailfamille.registration.PreRegistrationProcess.KEY;

import fr.portailfamille.registration.PreRegistrations.ProcessStart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process-start benchmark's yardstick (benchmarks/run-prereg.sh), present only with the profile
 * {@code bench}, never in production: {@code preRegistration} started straight on the engine, with the
 * variables and business key a family's « enregistrer » gives it, for every pending request of an
 * activity that has no process yet (the script inserts them in SQL). Each start is one transaction:
 * the engine's start (the review prepared, the validation task and its two timers) and the request's
 * instance id, as in {@link PreRegistrations#register}, without the page, the session, the security
 * chain and the request's own checks. Everything is read before the clock starts. An actuator
 * endpoint ({@code POST /actuator/enginestarts}), so staff HTTP Basic guards it like every endpoint but health.
 */
@Component
@Profile("bench")
@Endpoint(id = "enginestarts")
class EngineStarts {

    private final JdbcClient jdbc;
    private final PreRegistrations preRegistrations;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    EngineStarts(JdbcClient jdbc, PreRegistrations preRegistrations, RuntimeService runtime, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.preRegistrations = preRegistrations;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts every pending request of the activity without a process, on {@code threads} threads (default 24); the rate. */
    @WriteOperation
    public Map<String, Object> start(long activity, @Nullable Integer threads) throws InterruptedException {
        List<ProcessStart> starts = pending(activity);
        int workers = threads == null || threads < 1 ? 24 : Math.min(threads, 200);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long began = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ProcessStart s : starts) {
                done.add(pool.submit(() -> startOne(s)));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failures.incrementAndGet();
                }
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        int started = starts.size() - failures.get();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("starts", started);
        result.put("failures", failures.get());
        result.put("threads", workers);
        result.put("seconds", Math.round(seconds * 1000) / 1000.0);
        result.put("perSecond", seconds > 0 ? Math.round(started / seconds * 10) / 10.0 : 0);
        return result;
    }

    /** The starts, everything read beforehand: the activity's pending requests without a process, oldest first. */
    List<ProcessStart> pending(long activityId) {
        return jdbc.sql("""
                        select id from registration
                        where activity_id = ? and state = 'PENDING' and process_instance_id is null order by id""")
                .param(activityId).query(Long.class).list()
                .stream().map(preRegistrations::processStart).toList();
    }

    /** One start, in its own transaction: the engine's start and the request's instance id. */
    void startOne(ProcessStart s) {
        transaction.executeWithoutResult(status -> {
            String instance = runtime.startProcessInstanceByKey(KEY, s.businessKey(), s.variables()).getId();
            jdbc.sql("update registration set process_instance_id = ? where id = ?").params(instance, s.registrationId()).update();
        });
    }
}
