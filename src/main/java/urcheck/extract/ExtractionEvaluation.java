package urcheck.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import urcheck.Checker;
import urcheck.answer.CaseAnswer;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.evaluation.ExpectedOutcome;
import urcheck.evaluation.ItemComparison;

/**
 * How well extraction reads: each record (NAME.txt / NAME.pdf) beside its hand encoding (NAME.json) is
 * extracted and its facts compared per kind (precision: of the facts read, how many the hand encoding has;
 * recall: of the hand encoding's facts, how many were read), and where the encoding carries an expected
 * outcome, the draft is checked and its determinations compared with it.
 */
public final class ExtractionEvaluation {

    /** Per fact kind: true positives, false positives, false negatives. */
    private final Map<String, int[]> counts = new TreeMap<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();
    private int cases;
    private int items;
    private int agreeing;
    private int reasonsAgreeing;

    public static ExtractionEvaluation run(Checker checker, NoteExtractor extractor, List<Path> dirs) throws IOException {
        ExtractionEvaluation e = new ExtractionEvaluation();
        for (Path dir : dirs) {
            List<Path> records;
            try (Stream<Path> s = Files.list(dir)) {
                records = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".pdf")).sorted().toList();
            }
            for (Path r : records) {
                String name = r.getFileName().toString();
                Path json = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".json");
                if (Files.exists(json)) {
                    e.add(checker, extractor, r, json);
                }
            }
        }
        return e;
    }

    private void add(Checker checker, NoteExtractor extractor, Path record, Path encoding) throws IOException {
        JsonNode hand = new ObjectMapper().readTree(Files.readString(encoding));
        cases++;
        Extraction x;
        try {
            x = extractor.extract(List.of(RecordReader.read(record)), hand.path("caseId").asText("case"),
                    hand.path("jurisdiction").asText("california"), checker.reader());
        } catch (UnreadableRecordException | NoRequestException ex) {
            lines.add(record.getFileName() + ": not extracted (" + ex.getMessage() + ")");
            compare(FactSet.of(hand), new FactSet(Map.of()), record);
            return;
        }
        compare(FactSet.of(hand), FactSet.of(x.caseFile()), record);
        ExpectedOutcome expected = ExpectedOutcome.of(hand.get("expected"));
        if (expected != null) {
            ObjectNode draft = x.caseFile().deepCopy();
            draft.set("expected", hand.get("expected"));
            try {
                CaseFile cf = checker.reader().read(record.toString(), (JsonNode) draft);
                CaseAnswer answer = checker.answer(cf, null);
                for (ItemComparison c : expected.compare(answer)) {
                    items++;
                    boolean ok = Boolean.TRUE.equals(c.determinationAgrees());
                    if (ok) {
                        agreeing++;
                    }
                    List<String> why = c.disagreements();
                    if (why.isEmpty()) {
                        reasonsAgreeing++;
                    }
                    lines.add(String.format(Locale.ROOT, "%-60s item %-3s expected %-24s from the text %s", record.getFileName(),
                            c.itemId(), c.expected().determination(),
                            c.answered() == null ? "(no such item)" : c.answered().determination() + (ok ? "" : "   <-- differs")));
                    why.stream().filter(w -> !w.contains(": determination ")).forEach(w -> lines.add("      " + w));
                }
            } catch (InvalidCaseFileException ex) {
                lines.add(record.getFileName() + ": the draft does not check: " + ex.getMessage());
            }
        }
    }

    private void compare(FactSet hand, FactSet read, Path record) {
        List<String> kinds = new ArrayList<>(hand.byKind().keySet());
        read.byKind().keySet().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
        for (String k : kinds) {
            List<String> h = new ArrayList<>(hand.byKind().getOrDefault(k, List.of()));
            List<String> r = new ArrayList<>(read.byKind().getOrDefault(k, List.of()));
            int tp = 0;
            for (String v : new ArrayList<>(r)) {
                if (h.remove(v)) {
                    r.remove(v);
                    tp++;
                }
            }
            int[] c = counts.computeIfAbsent(k, x -> new int[3]);
            c[0] += tp;
            c[1] += r.size();
            c[2] += h.size();
            for (String v : h) {
                misses.add(record.getFileName() + ": missed " + k + " = " + v);
            }
            for (String v : r) {
                misses.add(record.getFileName() + ": read   " + k + " = " + v + " (not in the hand encoding)");
            }
        }
    }

    /** Precision and recall for a kind, or null when nothing was read / nothing was encoded. */
    public Map<String, int[]> counts() {
        return new HashMap<>(counts);
    }

    public int cases() {
        return cases;
    }

    public int itemsAgreeing() {
        return agreeing;
    }

    public int itemsCompared() {
        return items;
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("Extraction against hand encodings: ").append(cases).append(" record(s)\n\n");
        s.append(String.format(Locale.ROOT, "%-42s %5s %5s %5s %10s %8s%n", "fact kind", "TP", "FP", "FN", "precision", "recall"));
        int[] all = new int[3];
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
            s.append(row(e.getKey(), c));
        }
        s.append(row("all facts", all));
        if (items > 0) {
            s.append(String.format(Locale.ROOT, "%nDeterminations from the text alone: %d of %d items agree with the expected outcome%n",
                    agreeing, items));
            s.append(String.format(Locale.ROOT, "For the reviewer's reasons (governing section and every criterion the reviewer named): %d of %d%n",
                    reasonsAgreeing, items));
        }
        s.append('\n');
        lines.forEach(l -> s.append(l).append('\n'));
        if (!misses.isEmpty()) {
            s.append("\nDifferences:\n");
            misses.forEach(m -> s.append("  ").append(m).append('\n'));
        }
        return s.toString();
    }

    private static String row(String kind, int[] c) {
        return String.format(Locale.ROOT, "%-42s %5d %5d %5d %10s %8s%n", kind, c[0], c[1], c[2],
                c[0] + c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) c[0] / (c[0] + c[1])),
                c[0] + c[2] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) c[0] / (c[0] + c[2])));
    }
}
