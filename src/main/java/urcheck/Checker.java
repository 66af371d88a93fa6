package urcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import urcheck.answer.AnswerBuilder;
import urcheck.answer.CaseAnswer;
import urcheck.casefile.CaseFacts;
import urcheck.casefile.CaseFile;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.engine.CaseChecker;
import urcheck.engine.Evaluation;
import urcheck.engine.RuleBase;
import urcheck.engine.RuleFiles;
import urcheck.engine.Throughput;

/**
 * What every interface (command line, batch, HTTP) does with a case: read it, run the rules, explain.
 * One per process: the rule base is compiled once. Thread-safe.
 */
public final class Checker {

    private final RuleBase rules;
    private final CaseFileReader reader;
    private final CaseChecker checker;
    private final AnswerBuilder answers;

    public Checker(RuleBase rules) {
        this.rules = rules;
        this.reader = new CaseFileReader(rules.numbers().editions().keySet(), rules.codes(), rules.diagnosisCodes());
        this.checker = new CaseChecker(rules);
        this.answers = new AnswerBuilder(rules, version());
    }

    /** The built-in rules (precompiled at build time), or a rules/ folder compiled from DRL now, for rule authors. */
    public static Checker load(Path rulesDir) {
        return load(rulesDir, Throughput.ONE_CASE);
    }

    /**
     * Like {@link #load(Path)}, the built-in rules built for {@code throughput} ({@link Throughput#BATCH}: batch
     * and server). A rules/ folder is always compiled as for one case.
     */
    public static Checker load(Path rulesDir, Throughput throughput) {
        if (rulesDir != null) {
            return new Checker(RuleBase.load(RuleFiles.fromDirectory(rulesDir)));
        }
        // Building the rule network is most of a one-case run's start-up: let it use one core while the
        // case-file schema compiles on the other.
        FutureTask<RuleBase> rules = new FutureTask<>(() -> RuleBase.precompiled(throughput));
        Thread builder = new Thread(rules, "urcheck-rule-base");
        builder.setDaemon(true);
        builder.start();
        CaseFileReader.prepare();
        try {
            return new Checker(rules.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the rules", e);
        }
    }

    public CaseFile read(Path file) throws InvalidCaseFileException {
        return reader.read(file);
    }

    public CaseFileReader reader() {
        return reader;
    }

    public Evaluation evaluate(CaseFile file, String editionOverride) {
        return checker.check(file.facts(), editionOverride);
    }

    /**
     * Several cases, each answered as {@link #evaluate} answers it alone, with the rule sessions shared
     * ({@link CaseChecker#checkAll}: a batch's chunk); in the order given.
     */
    public List<Evaluation> evaluateAll(List<CaseFile> files, String editionOverride) {
        List<CaseFacts> facts = new ArrayList<>(files.size());
        for (CaseFile f : files) {
            facts.add(f.facts());
        }
        return checker.checkAll(facts, editionOverride);
    }

    /** A case's evaluation, or the fault of urcheck's that stopped it on that case. */
    public record Evaluated(Evaluation evaluation, RuntimeException failure) {
    }

    /**
     * Like {@link #evaluateAll}, for batches: should the shared run fail, each case is checked alone, so a failure is
     * that one case's and every other case keeps its evaluation. In the order given.
     */
    public List<Evaluated> evaluateEach(List<CaseFile> files, String editionOverride) {
        List<Evaluated> out = new ArrayList<>(files.size());
        try {
            for (Evaluation e : evaluateAll(files, editionOverride)) {
                out.add(new Evaluated(e, null));
            }
        } catch (RuntimeException shared) {
            out.clear();
            for (CaseFile f : files) {
                try {
                    out.add(new Evaluated(evaluate(f, editionOverride), null));
                } catch (RuntimeException e) {
                    out.add(new Evaluated(null, e));
                }
            }
        }
        return out;
    }

    public CaseAnswer answer(CaseFile file, String editionOverride) {
        return answers.answer(evaluate(file, editionOverride));
    }

    public AnswerBuilder answers() {
        return answers;
    }

    public CaseChecker engine() {
        return checker;
    }

    public RuleBase rules() {
        return rules;
    }

    public static String version() {
        return RuleBase.releaseVersion();
    }

    /**
     * Where an internal failure happened, for a log line: the first frame in urcheck's own code (or the first
     * frame at all). Never the exception's message, which may quote the case.
     */
    public static String whereFailed(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("urcheck.")) {
                return f.toString();
            }
        }
        return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?";
    }
}
