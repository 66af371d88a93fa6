package urcheck.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;
import urcheck.engine.KnowledgeVersion;

/**
 * {@link AnswerWriter} writes exactly the bytes plain databind writes for the answer records, pretty and compact,
 * as text and as bytes, alone, in a list and inside another object: on every fixture, generated cases, and answers
 * made up to hold every kind of character and every field left empty.
 */
class AnswerJsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectWriter DATABIND_PRETTY = DATABIND.writer().with(SerializationFeature.INDENT_OUTPUT);

    @Test
    void fixturesAreWrittenAsDatabindWritesThem() throws Exception {
        List<CaseAnswer> answers = new ArrayList<>();
        for (AnswerCases.Named c : AnswerCases.fixtures()) {
            CaseAnswer a = TestCheckers.builtIn().answers().answer(c.evaluation());
            same(a, c.name());
            answers.add(a);
        }
        same(answers, "all fixtures as one list");
        for (boolean pretty : new boolean[] {false, true}) {
            java.io.StringWriter out = new java.io.StringWriter();
            try (AnswerJson.ArrayWriter array = new AnswerJson.ArrayWriter(out, pretty)) {
                for (CaseAnswer a : answers) {
                    array.add(a);
                }
            }
            assertEquals(pretty ? AnswerJson.pretty(answers) : AnswerJson.compact(answers), out.toString(),
                    "one by one, as the whole list, pretty " + pretty);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("index", 0);
        wrapped.put("answer", answers.get(0));
        same(wrapped, "an answer inside another object");
    }

    @Test
    void generatedCasesAreWrittenAsDatabindWritesThem() throws Exception {
        for (AnswerCases.Named c : AnswerCases.generated()) {
            CaseAnswer a = TestCheckers.builtIn().answers().answer(c.evaluation());
            assertEquals(DATABIND.writeValueAsString(a), AnswerJson.compact(a), c.name());
        }
    }

    @Test
    void everyCharacterAndEveryEmptyFieldIsWrittenAsDatabindWritesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char ch = 0; ch < 0x300; ch++) {
            all.append(ch);
        }
        // Quotes, backslashes, a slash, line and paragraph separators, a lone surrogate, an emoji, a BOM.
        String odd = all + "\"\\/\u2028\u2029\ud800x\ud83d\ude00\ufeff — ≥ \u0000";
        for (String s : List.of(odd, "", " ", "plain", odd.substring(0, 40))) {
            ItemAnswer.CriterionAnswer criterion = new ItemAnswer.CriterionAnswer(s, s, s, s, s, Arrays.asList(s, null, s), s);
            ItemAnswer full = new ItemAnswer(s, s, s, s, new ItemAnswer.LevelsAnswer(s, List.of(s, s), s, true), s, 3, 0, s,
                    s, s, List.of(new ItemAnswer.DecidingCriterion(s, s, s, s)), s, s, s,
                    new ItemAnswer.WorkflowAnswer(s, List.of(s)), new ItemAnswer.GuidelineAnswer(s, s, s, s, s, s, s),
                    List.of(criterion, criterion), s, List.of(s, s));
            same(new CaseAnswer(s, new KnowledgeVersion(s, s, s), s, s, s, List.of(full), List.of(s)), "every field: " + s.length());
        }
        ItemAnswer empty = new ItemAnswer(null, null, null, null, new ItemAnswer.LevelsAnswer(null, null, null, false), null,
                null, null, null, null, null, List.of(), null, null, null, new ItemAnswer.WorkflowAnswer(null, null),
                new ItemAnswer.GuidelineAnswer(null, null, null, null, null, null, null),
                List.of(new ItemAnswer.CriterionAnswer(null, null, null, null, null, null, null)), null, List.of());
        same(new CaseAnswer(null, new KnowledgeVersion(null, null, null), null, null, null, List.of(empty), List.of()), "nulls");
        same(new CaseAnswer(null, null, null, null, null, null, null), "all null");
        same(new CaseAnswer(null, null, null, null, null, List.of(), null), "no items");
        assertTrue(new QuotedTexts().size() == 0);
    }

    /** Pretty and compact, as text and as bytes. */
    private static void same(Object value, String name) throws Exception {
        String compact = DATABIND.writeValueAsString(value);
        String pretty = DATABIND_PRETTY.writeValueAsString(value);
        assertEquals(compact, AnswerJson.compact(value), name + ": compact");
        assertEquals(pretty, AnswerJson.pretty(value), name + ": pretty");
        // An HTTP body is the text encoded, as the command line writes it (an emoji as four bytes, not an escape).
        assertArrayEquals((compact + "\n").getBytes(StandardCharsets.UTF_8), AnswerJson.body(value, false), name + ": body");
        assertArrayEquals((pretty + "\n").getBytes(StandardCharsets.UTF_8), AnswerJson.body(value, true), name + ": pretty body");
    }
}
