package urcheck.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LevelParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "L4-5                          | L4-L5",
        "L4-L5                         | L4-L5",
        "L4/5                          | L4-L5",
        "L4-5 and L5-S1                | L4-L5, L5-S1",
        "Bilateral L1-2 and L2-3       | L1-L2, L2-L3",
        "C2-C3, C3-C4                  | C2-C3, C3-C4",
        "C2-4                          | C2-C3, C3-C4",
        "C2, C3, C4                    | C2-C3, C3-C4",
        "C2 C3 C4                      | C2-C3, C3-C4",
        "C2, C3, C4 medial branches    | C2-C3, C3-C4",
        "L3, L4, L5 medial branches    | L4-L5, L5-S1",
        "L4 medial branch and L5 dorsal ramus | L5-S1",
        "C2-C4 medial branches         | C2-C3, C3-C4",
        "L3-L5 medial branches         | L4-L5, L5-S1",
        "C7-T1                         | C7-T1",
        "T12-L1                        | T12-L1",
    })
    void readsLevelsAsJoints(String written, String joints) throws LevelException {
        Levels l = LevelParser.parse(written);
        assertEquals(joints, l.jointList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C9-C10", "L4-S3", "L5-L4", "C1-C2", "S1-S2", "L6", "L4-4", "facet joints"})
    void refusesLevelsThatNameNoFacetJoint(String written) {
        assertThrows(LevelException.class, () -> LevelParser.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"L4", "L3, L5", "L3-5", "L4-5 and S1"})
    void reportsAmbiguousLevels(String written) throws LevelException {
        Levels l = LevelParser.parse(written);
        assertTrue(l.ambiguous(), l.readAs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"L4-5, L5-S1", "C2-4", "C3, C4, C5"})
    void clearLevelsAreNotAmbiguous(String written) throws LevelException {
        assertFalse(LevelParser.parse(written).ambiguous());
    }
}
