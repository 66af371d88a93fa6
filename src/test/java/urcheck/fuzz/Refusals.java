package urcheck.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;
import urcheck.casefile.ProblemLimit;

/** What every refusal must be: field paths, plain messages, no input text, a bounded list. */
final class Refusals {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Refusals() {
    }

    static void assertWellFormed(InvalidCaseFileException e, String variant) {
        assertFalse(e.problems().isEmpty(), variant + ": a refusal with no problem");
        assertTrue(e.problems().size() <= ProblemLimit.MAX + 1, variant + ": " + e.problems().size() + " problems");
        for (Problem p : e.problems()) {
            assertTrue(p.path() != null && !p.path().isBlank(), variant + ": a problem without a path: " + p);
            assertTrue(p.message() != null && !p.message().isBlank(), variant + ": a problem without a message: " + p);
        }
        assertNoInputText(e.getMessage(), variant);
        assertNoInputText(e.report(), variant);
    }

    static void assertNoInputText(String text, String variant) {
        assertFalse(text.contains("Zqxj") || text.contains("Patientname") || text.contains("1961-04-02"),
                variant + ": the error repeats the input:\n" + text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertFalse(c == 0x1b || c == 0x07 || c == 0, variant + ": a raw control character in an error");
        }
    }

    /** CPU seconds this thread spent in {@code work}. */
    static double cpuSeconds(Runnable work) {
        long before = THREADS.getCurrentThreadCpuTime();
        work.run();
        return (THREADS.getCurrentThreadCpuTime() - before) / 1e9;
    }
}
