package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Batches are counted by their size: four small ones at once, or one of 16 MiB (or of unknown length) alone. */
class WorkPermitsTest {

    @Test
    void aBatchTakesOneUnitPerStarted4MiB() {
        assertEquals(1, CheckServer.batchUnits(0));
        assertEquals(1, CheckServer.batchUnits(1_300_000));
        assertEquals(1, CheckServer.batchUnits(4L << 20));
        assertEquals(2, CheckServer.batchUnits((4L << 20) + 1));
        assertEquals(4, CheckServer.batchUnits(CheckServer.BATCH_BODY_LIMIT));
        assertEquals(4, CheckServer.batchUnits(-1), "chunked: its size is not known before it is read");
    }

    @Test
    void aBigBatchWaitsForTheSmallOnesAndIsThenAnswered503() throws Exception {
        WorkPermits permits = new WorkPermits(4, 200);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread small = new Thread(() -> {
            try {
                permits.run("/b", 1, () -> {
                    running.countDown();
                    finish.await();
                });
            } catch (Exception e) {
                failed.set(e);
            }
        });
        small.start();
        running.await();
        // three more small ones fit beside it; a 16 MiB one does not
        permits.run("/b", 3, () -> { });
        ProblemException busy = assertThrows(ProblemException.class, () -> permits.run("/b", 4, () -> { }));
        assertEquals(503, busy.problem().status());
        finish.countDown();
        small.join();
        assertEquals(null, failed.get());
        permits.run("/b", 4, () -> { });
    }
}
