package urcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.AnswerDigests;
import urcheck.answer.AnswerJson;
import urcheck.bench.CaseGenerator;
import urcheck.casefile.CaseFile;

/**
 * Cases sharing a rule session ({@link CaseChecker#checkAll}, what check --batch does with a chunk) are answered
 * exactly as each is alone: every fixture and 1,000 generated cases, in chunks that mix ODG editions and span
 * several sessions, shuffled, under an edition override, and a case next to copies of itself (the same item ids,
 * the same facts: a rule joining two cases would double or cross their results).
 */
class CheckAllTest {

    private final Checker checker = TestCheckers.builtIn();

    private List<CaseFile> cases() throws Exception {
        List<CaseFile> cases = new ArrayList<>();
        for (Path p : AnswerDigests.fixtures()) {
            cases.add(checker.read(p));
        }
        CaseGenerator generator = new CaseGenerator(7);
        for (int i = 0; i < 1_000; i++) {
            cases.add(checker.reader().read("line " + i, generator.nextLine().getBytes(StandardCharsets.UTF_8)));
        }
        return cases;
    }

    private String alone(CaseFile c, String edition) {
        return AnswerJson.pretty(checker.answer(c, edition));
    }

    private void assertSharedAnswersAlone(List<CaseFile> cases, String edition, int chunk) {
        int differ = 0;
        String first = null;
        for (int from = 0; from < cases.size(); from += chunk) {
            List<CaseFile> these = cases.subList(from, Math.min(cases.size(), from + chunk));
            List<Evaluation> shared = checker.evaluateAll(these, edition);
            assertEquals(these.size(), shared.size());
            for (int k = 0; k < these.size(); k++) {
                if (!AnswerJson.pretty(checker.answers().answer(shared.get(k))).equals(alone(these.get(k), edition))) {
                    differ++;
                    first = first == null ? these.get(k).source() : first;
                }
            }
        }
        assertEquals(0, differ, differ + " case(s) answered differently in a shared session, first " + first);
    }

    @Test
    void everyCaseInChunksAnswersAsAlone() throws Exception {
        List<CaseFile> cases = cases();
        assertTrue(cases.size() > 1_300);
        // 100 cases a chunk: four sessions of at most CASES_PER_SESSION, the fixtures' editions mixed.
        assertSharedAnswersAlone(cases, null, 100);
    }

    @Test
    void shuffledAndUnderAnEditionOverride() throws Exception {
        List<CaseFile> cases = cases();
        Collections.shuffle(cases, new Random(14));
        assertSharedAnswersAlone(cases, null, 77);
        for (String edition : checker.rules().numbers().editions().keySet()) {
            assertSharedAnswersAlone(cases, edition, 64);
        }
    }

    @Test
    void aCaseBesideCopiesOfItselfAnswersAsAlone() throws Exception {
        for (CaseFile c : cases().subList(0, 200)) {
            List<CaseFile> copies = Collections.nCopies(5, c);
            assertSharedAnswersAlone(copies, null, 5);
        }
    }

    @Test
    void aCaseThatFailsInASharedSessionFailsAloneAndTheOthersAreAnswered() throws Exception {
        List<CaseFile> cases = cases().subList(0, 3);
        CaseFile good = cases.get(0);
        // Two items with one id (two objects alike, so the session holds both): no reader lets this through, and the
        // rules then determine that item twice.
        var f = cases.get(1).facts();
        urcheck.facts.RequestedService item = f.items().get(0);
        List<urcheck.facts.RequestedService> twice = List.of(item, item.withCaseKey(1).withCaseKey(0));
        CaseFile broken = new CaseFile(cases.get(1).source(), new urcheck.casefile.CaseFacts(f.context(), twice, f.findings(),
                f.diagnoses(), f.care(), f.procedures(), f.plan(), f.uncertain()), null);
        List<Checker.Evaluated> each = checker.evaluateEach(List.of(good, broken, cases.get(2)), null);
        assertEquals(3, each.size());
        assertTrue(each.get(1).evaluation() == null && each.get(1).failure() instanceof IllegalStateException,
                String.valueOf(each.get(1)));
        assertEquals(alone(good, null), AnswerJson.pretty(checker.answers().answer(each.get(0).evaluation())));
        assertEquals(alone(cases.get(2), null), AnswerJson.pretty(checker.answers().answer(each.get(2).evaluation())));
    }
}
