package urcheck.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
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
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (AnswerJson.ArrayWriter array = new AnswerJson.ArrayWriter(out, pretty)) {
                for (CaseAnswer a : answers) {
                    array.add(a);
                }
            }
            assertEquals(pretty ? AnswerJson.pretty(answers) : AnswerJson.compact(answers), out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    "one by one, as the whole list, pretty " + pretty);
        }
        assertEquals(AnswerJson.compact(answers.get(0)) + "\n", new String(AnswerJson.body(answers.get(0), false),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(AnswerJson.pretty(answers.get(0)) + "\n", new String(AnswerJson.body(answers.get(0), true),
                java.nio.charset.StandardCharsets.UTF_8));
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
        // As bytes, databind writes a lone surrogate as an escape (as text, raw): compared with its bytes, not the text's.
        assertArrayEquals(DATABIND.writeValueAsBytes(value), AnswerJson.compactBytes(value), name + ": compact bytes");
        assertArrayEquals(DATABIND_PRETTY.writeValueAsBytes(value), AnswerJson.prettyBytes(value), name + ": pretty bytes");
    }
}
