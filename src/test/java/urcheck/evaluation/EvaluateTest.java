package urcheck.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urcheck.TestCheckers;
import urcheck.answer.CaseAnswer;
import urcheck.casefile.CaseFile;
import urcheck.fixtures.Fixture;

/** evaluate over fixtures/: every seed agrees; a changed expectation shows up as a disagreement with its causes. */
class EvaluateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Agreement evaluate(Path... paths) throws Exception {
        AgreementTally tally = new AgreementTally();
        StringWriter err = new StringWriter();
        new LabelledCases(TestCheckers.builtIn().reader()).visit(List.of(paths), new LabelledCases.Visitor() {
            @Override
            public void read(CaseFile file) {
                ExpectedOutcome expected = ExpectedOutcome.of(file.expected());
                if (expected == null) {
                    tally.unlabelled(file.source());
                    return;
                }
                CaseAnswer answer = TestCheckers.builtIn().answer(file, null);
                tally.add(file.source(), answer.caseId(), expected.standard(), expected.compare(answer));
            }

            @Override
            public void notACaseFile(Path file, String what) {
                tally.unlabelled(file + " (" + what + ")");
            }

            @Override
            public void invalid(urcheck.casefile.InvalidCaseFileException e) {
                new PrintWriter(err, true).println(e.report());
                tally.invalid(e.file());
            }
        });
        assertEquals("", err.toString());
        return tally.agreement();
    }

    @Test
    void everySeedAndVectorAgrees() throws Exception {
        Agreement all = evaluate(Fixture.ROOT.resolve("seeds"), Fixture.ROOT.resolve("criteria"));
        assertEquals(List.of(), all.disagreements());
        assertEquals(List.of(), all.invalid());
        assertEquals(all.determination().total(), all.determination().agree());
        assertTrue(all.cases() >= 5);
    }

    @Test
    void theSeedsAgreeOneHundredPercent() throws Exception {
        Agreement seeds = evaluate(Fixture.ROOT.resolve("seeds"));
        assertEquals(5, seeds.cases());
        assertEquals(11, seeds.items());
        assertEquals(new Agreement.Ratio(11, 11), seeds.determination());
        assertEquals(1.0, seeds.determination().accuracy());
        assertEquals(new Agreement.ConfusionMatrix(1, 0, 0, 10), seeds.confusionMatrix());
        assertEquals(seeds.governingSection().total(), seeds.governingSection().agree());
        assertTrue(seeds.criteria().total() >= 11, "the seeds name criteria: " + seeds.criteria());
        assertEquals(seeds.criteria().total(), seeds.criteria().agree());
        assertTrue(seeds.byCriterion().containsKey("ASSOC-PRIMARY"));
        assertTrue(seeds.allAgree());
    }

    @Test
    void aChangedExpectationIsADisagreementWithTheCriteriaBehindIt() throws Exception {
        Path seed = Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json");
        ObjectNode tree = (ObjectNode) JSON.readTree(Files.readString(seed));
        ObjectNode item2 = (ObjectNode) tree.get("expected").get("items").get("2");
        item2.put("determination", "MEDICALLY_NECESSARY");
        ((ObjectNode) item2.get("criteria")).put("ODG-FJDB-2A", "MET");
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, JSON.writeValueAsString(tree));

        Agreement a = evaluate(changed);
        assertEquals(new Agreement.Ratio(1, 2), a.determination());
        assertEquals(new Agreement.ConfusionMatrix(0, 1, 0, 1), a.confusionMatrix());
        Agreement.Disagreement d = a.disagreements().stream().filter(x -> x.what().equals("determination"))
                .findFirst().orElseThrow();
        assertEquals("2", d.item());
        assertEquals("MEDICALLY_NECESSARY", d.expected());
        assertEquals("NOT_MEDICALLY_NECESSARY", d.answered());
        assertTrue(d.causes().contains("ODG-FJDB-2A NOT_MET (expected MET)"), d.causes().toString());
        assertTrue(a.disagreements().stream().anyMatch(x -> x.what().equals("ODG-FJDB-2A")
                && x.expected().equals("MET") && x.answered().equals("NOT_MET")));
        assertEquals(new Agreement.Ratio(0, 1), a.byCriterion().get("ODG-FJDB-2A"));
        assertTrue(a.text().contains("because of ODG-FJDB-2A NOT_MET (expected MET)"), a.text());
    }

    @Test
    void readsJsonlAndListsCasesWithoutExpectations() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (Fixture f : Fixture.under("seeds")) {
            lines.append(JSON.writeValueAsString(JSON.readTree(Files.readString(f.path())))).append('\n');
        }
        JsonNode unlabelled = JSON.readTree(Files.readString(Fixture.under("seeds").get(0).path()));
        ((ObjectNode) unlabelled).remove("expected");
        lines.append(JSON.writeValueAsString(unlabelled)).append('\n');
        Path jsonl = dir.resolve("labelled.jsonl");
        Files.writeString(jsonl, lines);
        Agreement a = evaluate(jsonl);
        assertEquals(5, a.cases());
        assertEquals(new Agreement.Ratio(11, 11), a.determination());
        assertEquals(List.of(jsonl + ": line 6"), a.unlabelled());
    }
}
