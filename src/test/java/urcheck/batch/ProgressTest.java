package urcheck.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** No progress bar unless a person watches a terminal: the test run's stderr is a pipe. */
class ProgressTest {

    @Test
    void noBarWhenStderrIsNotATerminal() {
        assertFalse(Progress.stderrIsTerminal());
        assertSame(Progress.NONE, Progress.forTerminal(true, 1000));
    }

    @Test
    void noBarWhenNotWanted() {
        assertSame(Progress.NONE, Progress.forTerminal(false, 1000));
    }
}
