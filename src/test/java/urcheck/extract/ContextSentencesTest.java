package urcheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import urcheck.TestCheckers;

/**
 * Issue 10, item 3: negation, uncertainty, time and person, one sentence at a time
 * (src/test/resources/extract/context-sentences.tsv). Each sentence is read as a note's history line
 * before a request, through the whole extractor, and the fact's status in the draft must be the one the
 * file expects ("none": left out, not documented).
 */
class ContextSentencesTest {

    static final Path SENTENCES = Path.of("src/test/resources/extract/context-sentences.tsv");

    static Stream<Arguments> sentences() throws IOException {
        return Files.readAllLines(SENTENCES, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(p -> Arguments.of(p[0], p[1], p[2]));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("sentences")
    void statusAsExpected(String fact, String expected, String sentence) throws Exception {
        String note = "HPI: " + sentence + "\nPlan: Request bilateral L4-5 medial branch block.\n";
        Extraction x = new NoteExtractor().extract(List.of(new RecordText("note.txt", note)), "t", "california",
                TestCheckers.builtIn().reader());
        String block = isPlan(fact) ? "plan" : "clinical";
        JsonNode f = x.caseFile().path(block).path(fact);
        String actual = f.isMissingNode() ? "none" : f.path("status").asText();
        assertEquals(expected, actual, "\"" + sentence + "\"");
        if (!f.isMissingNode()) {
            Evidence e = x.evidenceFor("$." + block + "." + fact);
            assertTrue(e != null && note.substring(e.start(), e.end()).contains(sentence.substring(0, Math.min(12, sentence.length()))),
                    "the evidence quotes the sentence at its offsets");
        }
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastAHundredSentences() throws IOException {
        assertTrue(sentences().count() >= 100);
    }

    private static boolean isPlan(String fact) {
        return List.of("activeTherapy", "sedation", "opioidSedation", "homePainMedicationWithheld", "painDiary",
                "neurotomyPlanned").contains(fact);
    }
}
