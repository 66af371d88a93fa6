package urcheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CaseAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import urcheck.casefile.CaseFile;
import urcheck.casefile.CaseFileDto;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.CaseFacts;
import urcheck.engine.CaseChecker;
import urcheck.engine.CaseRun;
import urcheck.engine.Evaluation;

/**
 * Where a full check's CPU goes, per case and per phase, on one thread (docs/speed.md): each phase that
 * hands a value to the next (parse, validate, bind, assemble, answer build, answer JSON) runs as a pass of
 * its own over every case, timed by the thread's CPU clock; the rule session's steps (take a session and
 * insert the facts, fire, collect, reset), run as check --batch runs them ({@link CaseChecker#CASES_PER_SESSION}
 * cases to a session), cannot be separated into passes, so their pass's CPU is shared out in proportion to the
 * wall time each step took within it.
 */
final class PhaseTable {

    /** One phase: its name and CPU microseconds per case. */
    record Phase(String name, double micros) {
    }

    private final Checker checker;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** The last pass's read without the schema step (readTrusted), kept apart from the phases' sum. */
    private double trustedRead;

    PhaseTable(Checker checker) {
        this.checker = checker;
    }

    /** The phases in the order a case goes through them; the best (lowest) of {@code passes} passes each. */
    List<Phase> measure(List<String> lines, int passes) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (int p = 0; p <= passes; p++) {
            // Pass 0 warms the JIT up and is not counted.
            Map<String, Double> one = onePass(lines);
            if (p > 0) {
                one.forEach((k, v) -> best.merge(k, v, Math::min));
            }
        }
        List<Phase> out = new ArrayList<>();
        best.forEach((k, v) -> out.add(new Phase(k, v)));
        return out;
    }

    /** CPU us per case of a whole read without schema validation (check --batch --trusted-input), last pass. */
    double trustedRead() {
        return trustedRead;
    }

    /**
     * Every case once, in blocks: each phase's outputs of a whole pass would not fit a batch-sized heap (the
     * launcher gives bench 192 MB), so each block goes through every phase before the next starts.
     */
    private Map<String, Double> onePass(List<String> lines) {
        Map<String, Double> sum = new LinkedHashMap<>();
        double trusted = 0;
        for (int from = 0; from < lines.size(); from += BLOCK) {
            List<String> block = lines.subList(from, Math.min(lines.size(), from + BLOCK));
            oneBlock(block).forEach((k, v) -> sum.merge(k, v * block.size(), Double::sum));
            trusted += trustedRead * block.size();
        }
        sum.replaceAll((k, v) -> v / lines.size());
        trustedRead = trusted / lines.size();
        return sum;
    }

    private static final int BLOCK = 500;

    private Map<String, Double> oneBlock(List<String> lines) {
        int n = lines.size();
        Map<String, Double> us = new LinkedHashMap<>();
        List<byte[]> bytes = new ArrayList<>(n);
        for (String l : lines) {
            bytes.add(l.getBytes(StandardCharsets.UTF_8));
        }
        List<CaseFile> cases = new ArrayList<>(n);
        long t = cpu();
        try {
            CaseFileReader reader = checker.reader();
            List<JsonNode> trees = new ArrayList<>(n);
            for (byte[] b : bytes) {
                trees.add(reader.parse("bench", b));
            }
            t = record(us, "read: parse JSON", t, n);
            for (JsonNode tree : trees) {
                reader.validate("bench", tree);
            }
            t = record(us, "read: validate (number check, JSON Schema)", t, n);
            List<CaseFileDto> dtos = new ArrayList<>(n);
            for (JsonNode tree : trees) {
                dtos.add(reader.bind("bench", tree));
            }
            t = record(us, "read: bind to the case-file fields", t, n);
            for (CaseFileDto dto : dtos) {
                cases.add(reader.assemble("bench", dto));
            }
            t = record(us, "read: assemble the facts", t, n);
            // Not part of the sum: the whole read without the schema (check --batch --trusted-input).
            for (byte[] b : bytes) {
                reader.readTrusted("bench", b);
            }
            trustedRead = (cpu() - t) / 1000.0 / n;
            t = cpu();
        } catch (InvalidCaseFileException e) {
            // The benchmark checked every generated case first; never say what a case holds.
            throw new IllegalStateException("a generated case is not a valid case file");
        }
        long[] wall = new long[4];
        List<Evaluation> evaluations = new ArrayList<>(n);
        // As check --batch runs them: CASES_PER_SESSION cases of one ODG edition to a session.
        Map<String, List<CaseFacts>> byEdition = new LinkedHashMap<>();
        for (CaseFile c : cases) {
            byEdition.computeIfAbsent(checker.engine().edition(c.facts(), null), k -> new ArrayList<>()).add(c.facts());
        }
        List<List<CaseFacts>> sessions = new ArrayList<>();
        for (List<CaseFacts> same : byEdition.values()) {
            for (int from = 0; from < same.size(); from += CaseChecker.CASES_PER_SESSION) {
                sessions.add(same.subList(from, Math.min(same.size(), from + CaseChecker.CASES_PER_SESSION)));
            }
        }
        for (List<CaseFacts> session : sessions) {
            long w0 = System.nanoTime();
            CaseRun run = checker.engine().startAll(session, null);
            run.insertAll();
            long w1 = System.nanoTime();
            run.fire();
            long w2 = System.nanoTime();
            evaluations.addAll(run.collectAll());
            long w3 = System.nanoTime();
            run.close();
            long w4 = System.nanoTime();
            wall[0] += w1 - w0;
            wall[1] += w2 - w1;
            wall[2] += w3 - w2;
            wall[3] += w4 - w3;
        }
        long now = cpu();
        double rules = (now - t) / 1000.0 / n;
        double allWall = wall[0] + wall[1] + wall[2] + wall[3];
        String[] steps = {"rules: take a pooled session, insert the facts", "rules: fire", "rules: collect the results",
                "rules: reset the session"};
        for (int i = 0; i < steps.length; i++) {
            us.put(steps[i], rules * wall[i] / allWall);
        }
        t = now;
        List<CaseAnswer> answers = new ArrayList<>(n);
        for (Evaluation e : evaluations) {
            answers.add(checker.answers().answer(e));
        }
        t = record(us, "answer: build", t, n);
        long chars = 0;
        for (CaseAnswer a : answers) {
            chars += AnswerJson.compact(a).length();
        }
        record(us, "answer: full JSON line", t, n);
        if (chars == 0) {
            throw new IllegalStateException("no answer was written");
        }
        return us;
    }

    private long record(Map<String, Double> us, String phase, long since, int cases) {
        long now = cpu();
        us.put(phase, (now - since) / 1000.0 / cases);
        return now;
    }

    private long cpu() {
        return threads.getCurrentThreadCpuTime();
    }
}
