package dk.ligevaerd.support;

import dk.ligevaerd.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one call on real threads released together, and tells how each ended. */
public final class Racing {

    /** What a call ended with: "stored", or the message key of the translated refusal. */
    public static final String STORED = "stored";

    private Racing() {
    }

    /**
     * Each of {@code threads} threads waits at a barrier, then runs {@code call}; any failure other
     * than a translated refusal fails the test (a lock timeout, a constraint violation).
     */
    public static List<String> race(int threads, Callable<?> call) throws Exception {
        return race(java.util.Collections.nCopies(threads, call));
    }

    /** Each call on a thread of its own, released together; their outcomes in the same order. */
    public static List<String> race(List<? extends Callable<?>> calls) throws Exception {
        int threads = calls.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<String>> ends = new ArrayList<>();
            for (Callable<?> call : calls) {
                ends.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    try {
                        call.call();
                        return STORED;
                    } catch (DomainException refused) {
                        return refused.messageKey();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> end : ends) {
                outcomes.add(end.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
