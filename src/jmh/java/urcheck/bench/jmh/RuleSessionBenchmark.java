package urcheck.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import urcheck.Checker;
import urcheck.bench.CaseGenerator;
import urcheck.casefile.CaseFacts;
import urcheck.engine.CaseChecker;
import urcheck.engine.CriterionResult;
import urcheck.engine.Determination;
import urcheck.engine.Evaluation;
import urcheck.engine.Outcomes;
import urcheck.engine.RuleBase;
import urcheck.engine.Throughput;

/**
 * The rule session alone, one case per operation: facts already read (a generated case set, cycled through), so
 * no JSON, schema or answer is in the time. Four kinds of session, each with and without the compiled alpha
 * network ({@code alphaNetwork}): {@link CaseChecker#check} on a pooled session (what check and serve do),
 * {@link CaseChecker#checkAll} of 32 cases on a pooled session (what check --batch does), on a
 * fresh session per case, and a stateless session running the same steps as one batch of commands (globals,
 * guideline numbers and facts in, the phases focused in order, fire, objects out).
 *
 * <p>In the shape of Drools' own session benchmarks (incubator-kie-benchmarks, drools-benchmarks): the rule base
 * and the facts are made in {@code @Setup}, sessions per iteration, the result eaten by a {@link Blackhole}.
 * Build and run: see docs/speed.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
public class RuleSessionBenchmark {

    /** Cases generated for the run (CaseGenerator, seed 42, as bench uses); each operation takes the next. */
    private static final int CASES = 2_000;
    /** As CaseChecker: a case needs a few hundred firings. */
    private static final int FIRING_LIMIT = 100_000;

    @Param({"plain", "compiled"})
    public String alphaNetwork;

    private RuleBase rules;
    private CaseChecker pooled;
    private CaseChecker fresh;
    private StatelessKieSession stateless;
    private final KieCommands commands = KieServices.get().getCommands();
    private final List<CaseFacts> cases = new ArrayList<>();
    private int next;
    private long ops;
    private long cpuAtStart;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Setup(Level.Trial)
    public void setupRuleBaseAndFacts() throws Exception {
        rules = RuleBase.precompiled(alphaNetwork.equals("compiled") ? Throughput.BATCH : Throughput.ONE_CASE);
        if (alphaNetwork.equals("compiled") == rules.alphaNetwork().equals(RuleBase.INTERPRETED)) {
            throw new IllegalStateException("asked for the " + alphaNetwork + " alpha network, got " + rules.alphaNetwork());
        }
        Checker checker = new Checker(rules);
        CaseGenerator generator = new CaseGenerator(42);
        for (int i = 0; i < CASES; i++) {
            cases.add(checker.reader().read("generated " + i, generator.nextLine().getBytes(StandardCharsets.UTF_8)).facts());
        }
        pooled = new CaseChecker(rules);
        fresh = new CaseChecker(rules, false);
        stateless = rules.newStatelessSession();
        // the stateless session runs the same rules: the same determinations and criterion results, case by case
        for (CaseFacts c : cases.subList(0, 200)) {
            List<?> objects = statelessCheck(c);
            Evaluation e = pooled.check(c, null);
            long determinations = objects.stream().filter(o -> o instanceof Determination).count();
            long results = objects.stream().filter(o -> o instanceof CriterionResult).count();
            if (determinations != e.determinations().size() || determinations != c.items().size()
                    || results != e.results().values().stream().mapToLong(List::size).sum()) {
                throw new IllegalStateException("the stateless session does not state what the pooled one does");
            }
        }
    }

    @Setup(Level.Iteration)
    public void setupSessions() {
        stateless = rules.newStatelessSession();
        next = 0;
        ops = 0;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    /**
     * The CPU time of the benchmark thread per operation, beside JMH's wall time: on a machine shared with other
     * work, wall time also counts the time this thread waited for a core.
     */
    @TearDown(Level.Iteration)
    public void printCpuPerCase() {
        System.out.printf("cpu: %.1f us/op over %d ops%n", (THREADS.getCurrentThreadCpuTime() - cpuAtStart) / 1e3 / ops, ops);
    }

    private CaseFacts nextCase() {
        CaseFacts c = cases.get(next);
        next = next + 1 == cases.size() ? 0 : next + 1;
        ops++;
        return c;
    }

    @Benchmark
    public Object pooledSession() {
        return pooled.check(nextCase(), null);
    }

    /** What check --batch does: {@link CaseChecker#CASES_PER_SESSION} cases in one pooled session, timed per case. */
    @Benchmark
    @OperationsPerInvocation(CaseChecker.CASES_PER_SESSION)
    public Object sharedSession() {
        List<CaseFacts> these = new ArrayList<>(CaseChecker.CASES_PER_SESSION);
        for (int i = 0; i < CaseChecker.CASES_PER_SESSION; i++) {
            these.add(nextCase());
        }
        return pooled.checkAll(these, null);
    }

    @Benchmark
    public Object freshSession() {
        return fresh.check(nextCase(), null);
    }

    @Benchmark
    public void statelessSession(Blackhole eater) {
        eater.consume(statelessCheck(nextCase()));
    }

    /** CaseChecker's steps as one batch of commands on the stateless session: what it states about the case. */
    private List<?> statelessCheck(CaseFacts facts) {
        String edition = facts.context().odgEdition() != null ? facts.context().odgEdition() : rules.numbers().defaultEdition();
        Outcomes outcomes = new Outcomes(rules.catalogue());
        List<Command<?>> batch = new ArrayList<>(RuleBase.PHASES.size() + 5);
        batch.add(commands.newSetGlobal("outcome", outcomes));
        batch.add(commands.newSetGlobal("numbers", rules.numbersInForce(edition)));
        batch.add(commands.newInsertElements(facts.all()));
        for (int i = RuleBase.PHASES.size() - 1; i >= 0; i--) {
            batch.add(commands.newAgendaGroupSetFocus(RuleBase.PHASES.get(i)));
        }
        batch.add(commands.newFireAllRules(FIRING_LIMIT));
        batch.add(commands.newGetObjects("objects"));
        stateless.addEventListener(outcomes);
        try {
            ExecutionResults results = stateless.execute(commands.newBatchExecution(batch));
            return new ArrayList<>((java.util.Collection<?>) results.getValue("objects"));
        } finally {
            stateless.removeEventListener(outcomes);
        }
    }
}
