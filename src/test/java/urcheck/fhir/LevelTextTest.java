package urcheck.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelTextTest {

    /** Issue 13: the words of an order kept only "C3-4" of "C3-4-5-6", so three joints became one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Right C3-4-5-6 facet joint injection       | C3-4-5-6",
        "L3-4-5 intra-articular facet injection     | L3-4-5",
        "Bilateral L4-5, L5-S1 facet joint injection | L4-5, L5-S1",
        "L3-4-5 medial branch block                 | L3-4-5 medial branch",
    })
    void keepsChainsWhole(String text, String levels) {
        assertEquals(levels, LevelText.find(text));
    }
}
