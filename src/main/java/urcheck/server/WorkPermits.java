package urcheck.server;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests may be at one stage at once (reading a body; checking a batch). Jetty's threads are shared
 * by every route; a body read blocks its thread, and a few hundred slow uploads used to hold them all, so
 * /health timed out. A request that finds no permit within {@code wait} is answered 503 with Retry-After and
 * its thread is free again; /health, the page and the catalogue never need one. Bounding the batches in flight
 * also bounds memory (bodies, trees, answers), the same under {@code java -jar} as under the launcher.
 */
final class WorkPermits {

    private final Semaphore permits;
    private final int size;
    private final long waitMillis;

    WorkPermits(int size, long waitMillis) {
        this.permits = new Semaphore(size, true);
        this.size = size;
        this.waitMillis = waitMillis;
    }

    interface Work<T> {
        T run() throws Exception;
    }

    interface VoidWork {
        void run() throws Exception;
    }

    void run(String instance, VoidWork work) throws Exception {
        run(instance, 1, work);
    }

    /** Runs work that takes {@code units} permits (1 to the size): a big batch counts for several small ones. */
    void run(String instance, int units, VoidWork work) throws Exception {
        call(instance, units, () -> {
            work.run();
            return null;
        });
    }

    <T> T call(String instance, Work<T> work) throws Exception {
        return call(instance, 1, work);
    }

    private <T> T call(String instance, int units, Work<T> work) throws Exception {
        int n = Math.max(1, Math.min(units, size));
        boolean got;
        try {
            got = permits.tryAcquire(n, waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new ProblemException(ProblemDetails.ofStatus(503, "Service Unavailable",
                    "urcheck is checking as many requests as it takes at once (" + size + "); try again in a second.",
                    instance), Map.of("Retry-After", "1", "Connection", "close"));
        }
        try {
            return work.run();
        } finally {
            permits.release(n);
        }
    }
}
