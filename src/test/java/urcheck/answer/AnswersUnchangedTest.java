package urcheck.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import urcheck.Checker;

/**
 * Every answer is what it was before the speed work (issue 14): the JSON and text report of every fixture and
 * the batch line of 3,000 generated cases, byte for byte (knowledge version masked), against the digests the
 * jar before that work gave. A change that means to change answers regenerates the digests with
 * {@code bin/regenerate-answer-digests}; its diff names the answers that changed.
 */
class AnswersUnchangedTest {

    private static final String DIGESTS = "/urcheck/answer-digests.txt";

    @Test
    void everyAnswerIsByteIdenticalToTheRecordedOne() throws Exception {
        List<String> expected = recorded();
        List<String> actual = AnswerDigests.compute(Checker.load(null));
        assertEquals(AnswerDigests.fixtures().size() * 2 + AnswerDigests.GENERATED, expected.size(),
                "the recorded digests cover a different set of fixtures or cases: regenerate them (bin/regenerate-answer-digests)");
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                changed.add(a.replaceAll(" [0-9a-f]{64}$", ""));
            }
        }
        if (!changed.isEmpty()) {
            fail(changed.size() + " answer(s) differ from the recorded ones, e.g. " + changed.subList(0, Math.min(10, changed.size()))
                    + "; if the change means to alter answers, run bin/regenerate-answer-digests and review its diff");
        }
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = AnswersUnchangedTest.class.getResourceAsStream(DIGESTS)) {
            if (in == null) {
                throw new IllegalStateException(DIGESTS + " is missing: run bin/regenerate-answer-digests");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
