package urcheck.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (cases/s, and an ETA when the input's size is known), shown only when a
 * person is watching: stderr is a terminal and CI is not set. Otherwise does nothing.
 */
public interface Progress extends AutoCloseable {

    /** Called after each line is written, with the input bytes consumed so far. */
    void step(long lines, long bytesRead);

    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void step(long lines, long bytesRead) {
        }

        @Override
        public void close() {
        }
    };

    /** @param inputBytes the input's size, or -1 when unknown (stdin) */
    static Progress forTerminal(boolean wanted, long inputBytes) {
        if (!wanted || System.getenv("CI") != null || !stderrIsTerminal()) {
            return NONE;
        }
        return new Bar(inputBytes);
    }

    /** Java 17 cannot ask isatty(2) directly; on Linux, /proc tells where fd 2 points. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    final class Bar implements Progress {
        private static final long MB = 1 << 20;
        private final ProgressBar bar;
        private final long started = System.nanoTime();
        private long lastUpdate;

        Bar(long inputBytes) {
            bar = new ProgressBarBuilder().setTaskName("checking").setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(inputBytes > 0 ? inputBytes : -1).setUnit(" MB", MB)
                    .setUpdateIntervalMillis(250).setMaxRenderedLength(100)
                    .build();
        }

        private long lines;
        private long bytes;

        @Override
        public void step(long lines, long bytesRead) {
            this.lines = lines;
            this.bytes = bytesRead;
            long now = System.nanoTime();
            if (now - lastUpdate >= Duration.ofMillis(200).toNanos()) {
                lastUpdate = now;
                render(now);
            }
        }

        private void render(long now) {
            double seconds = (now - started) / 1e9;
            bar.stepTo(bytes);
            bar.setExtraMessage(String.format(" %,d cases, %,.0f cases/s", lines, seconds > 0 ? lines / seconds : 0));
        }

        @Override
        public void close() {
            render(System.nanoTime()); // the last count, not the last one drawn
            bar.close();
        }
    }
}
