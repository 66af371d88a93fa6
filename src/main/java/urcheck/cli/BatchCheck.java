package urcheck.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import urcheck.Checker;
import urcheck.batch.BatchSummary;
import urcheck.batch.BoundedLineReader;
import urcheck.batch.CaseLines;
import urcheck.batch.OrderedBatch;
import urcheck.batch.OutputFile;
import urcheck.batch.Progress;

/**
 * {@code check --batch JSONL}: one case per input line, one JSON answer per output line, in input order,
 * on all cores. A bad line gets an error record of its own and a line on stderr; the run goes on.
 */
final class BatchCheck {

    private final Checker checker;
    private final String edition;
    private final int threads;
    private final boolean progress;
    private final PrintWriter err;
    private final boolean trustedInput;
    private final boolean compact;

    /**
     * @param trustedInput {@code --trusted-input}: no schema validation, and every line written says so
     * @param compact      write the compact answer per line ({@code --compact}) rather than the full one
     */
    BatchCheck(Checker checker, String edition, int threads, boolean progress, PrintWriter err, boolean trustedInput,
               boolean compact) {
        this.compact = compact;
        this.checker = checker;
        this.edition = edition;
        this.threads = threads;
        this.progress = progress;
        this.err = err;
        this.trustedInput = trustedInput;
    }

    /** @return the exit code: 0 all checked, 2 some lines invalid (the rest written), 1 a failure inside urcheck */
    int run(String input, Path out, PrintWriter stdout) {
        boolean stdin = "-".equals(input);
        String name = stdin ? "stdin" : input;
        InputStream raw;
        long size = -1;
        try {
            if (stdin) {
                raw = System.in;
            } else {
                Path p = Path.of(input);
                if (Files.isDirectory(p)) {
                    err.println("urcheck: " + name + ": is a folder; expected a JSONL file (one case per line) or - for stdin");
                    return ExitCode.BAD_INPUT;
                }
                raw = Files.newInputStream(p);
                size = Files.size(p);
            }
        } catch (NoSuchFileException e) {
            err.println("urcheck: " + name + ": no such file");
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("urcheck: " + name + ": cannot be read: " + e.getClass().getSimpleName());
            return ExitCode.BAD_INPUT;
        }
        OutputFile file = null;
        try (CountingStream counted = new CountingStream(raw);
             BufferedReader lines = new BoundedLineReader(new InputStreamReader(counted, StandardCharsets.UTF_8));
             Progress bar = Progress.forTerminal(progress, size)) {
            Writer target;
            if (out == null) {
                target = new BufferedWriter(stdout, 1 << 16);
            } else {
                file = OutputFile.open(out);
                target = file.writer();
            }
            BatchSummary summary = write(name, lines, target, counted, bar);
            target.flush();
            if (file != null) {
                file.commit();
            } else if (stdout.checkError()) {
                err.println("urcheck: cannot write to stdout");
                return ExitCode.INTERNAL_ERROR;
            }
            if (summary.invalid() + summary.failed() > 0) {
                err.println("urcheck: " + name + ": " + summary.lines() + " line(s): " + summary.checked() + " checked, "
                        + summary.invalid() + " not valid cases, " + summary.failed() + " failed inside urcheck");
            }
            return summary.failed() > 0 ? ExitCode.INTERNAL_ERROR
                    : summary.invalid() > 0 ? ExitCode.BAD_INPUT : ExitCode.CHECKED;
        } catch (IOException e) {
            err.println("urcheck: batch " + name + " stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (out == null ? "" : "; " + out + " was not written"));
            return ExitCode.INTERNAL_ERROR;
        } finally {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    err.println("urcheck: cannot remove the partial output beside " + out + ": " + e.getMessage());
                }
            }
        }
    }

    private BatchSummary write(String name, BufferedReader in, Writer out, CountingStream counted, Progress bar)
            throws IOException {
        CaseLines cases = new CaseLines(checker, edition, name, trustedInput, compact);
        long[] kinds = new long[CaseLines.Kind.values().length];
        long started = System.nanoTime();
        long lines = new OrderedBatch<CaseLines.Result>(threads).runChunks(in, cases::checkChunk, (line, r) -> {
            r.writeTo(out);
            out.write('\n');
            kinds[r.kind().ordinal()]++;
            if (r.report() != null) {
                err.println(urcheck.answer.TextReport.printable(r.report()));
            }
            bar.step(line, counted.count);
        });
        return new BatchSummary(lines, kinds[CaseLines.Kind.CHECKED.ordinal()], kinds[CaseLines.Kind.INVALID.ordinal()],
                kinds[CaseLines.Kind.FAILED.ordinal()], (System.nanoTime() - started) / 1e9);
    }

    /** Counts the bytes read, for the progress bar's ETA. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
