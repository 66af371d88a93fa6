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
        "C3-4-5-6                      | C3-C4, C4-C5, C5-C6",
        "L3-4-5                        | L3-L4, L4-L5",
        "C4-5-6                        | C4-C5, C5-C6",
        "L4/5/S1                       | L4-L5, L5-S1",
        "L4-S1                         | L4-L5, L5-S1",
        "L3-5                          | L3-L4, L4-L5",
        "T7-9                          | T7-T8, T8-T9",
        "C2 through C4                 | C2-C3, C3-C4",
        "L3-4-5 medial branches        | L4-L5, L5-S1",
        "right L4–5                    | L4-L5",
    })
    void readsLevelsAsJoints(String written, String joints) throws LevelException {
        Levels l = LevelParser.parse(written);
        assertEquals(joints, l.jointList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C9-C10", "L4-S3", "L5-L4", "S1-S2", "L6", "L4-4", "facet joints", "L3-5-4", "L5-S1-S2"})
    void refusesLevelsThatNameNoFacetJoint(String written) {
        assertThrows(LevelException.class, () -> LevelParser.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"L4", "L3, L5", "L4-5 and S1"})
    void reportsAmbiguousLevels(String written) throws LevelException {
        Levels l = LevelParser.parse(written);
        assertTrue(l.ambiguous(), l.readAs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"L4-5, L5-S1", "C2-4", "C3, C4, C5", "L3-5", "L4-S1", "T7-9", "C3-4-5-6", "L3-4-5"})
    void clearLevelsAreNotAmbiguous(String written) throws LevelException {
        assertFalse(LevelParser.parse(written).ambiguous(), LevelParser.parse(written).readAs());
    }

    /** Issue 13: "C3-4-5-6" was read as the one joint C3-C4, so the two-level limit came out met. */
    @ParameterizedTest
    @ValueSource(strings = {"C3-4-5-6", "L3-4-5", "C4-5-6"})
    void chainsAreSaidInTheReading(String written) throws LevelException {
        Levels l = LevelParser.parse(written);
        assertTrue(l.joints().size() >= 2, l.jointList());
        assertTrue(l.readAs().contains("chain"), l.readAs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"L3, L4 and L5", "L3 L4 L5", "L4, L5"})
    void loneVertebraeOfAnIntraArticularInjectionAreAmbiguous(String written) throws LevelException {
        Levels joint = LevelParser.parse(written, LevelContext.INTRA_ARTICULAR);
        assertTrue(joint.ambiguous(), joint.readAs());
        assertTrue(joint.readAs().contains("nerves"), joint.readAs());
        Levels nerve = LevelParser.parse(written, LevelContext.MEDIAL_BRANCH);
        assertFalse(nerve.ambiguous(), nerve.readAs());
        assertTrue(LevelParser.parse(written, LevelContext.UNSPECIFIED).ambiguous());
    }

    @org.junit.jupiter.api.Test
    void intraArticularVertebraeAreBestGuessedAsTheJointsBetween() throws LevelException {
        assertEquals("L3-L4, L4-L5", LevelParser.parse("L3, L4 and L5", LevelContext.INTRA_ARTICULAR).jointList());
        assertEquals("L4-L5, L5-S1", LevelParser.parse("L3, L4 and L5", LevelContext.MEDIAL_BRANCH).jointList());
    }

    @ParameterizedTest(name = "{0} -> not covered {1}")
    @CsvSource(delimiter = '|', value = {
        "C1-C2          | C1-C2",
        "C1-2           | C1-C2",
        "occiput-C1     | occiput-C1",
        "O-C1           | occiput-C1",
        "C0-C1          | occiput-C1",
        "C1, C2 medial branches | C1-C2",
    })
    void targetsAboveC2AreReadAsNotCovered(String written, String target) throws LevelException {
        Levels l = LevelParser.parse(written);
        assertEquals(target, l.notCovered().stream().map(Joint::name).collect(java.util.stream.Collectors.joining(", ")));
        assertTrue(l.joints().isEmpty());
        assertEquals(urcheck.facts.Region.CERVICAL, l.region());
        assertTrue(l.readAs().contains("not a facet joint these guidelines cover"), l.readAs());
    }

    @org.junit.jupiter.api.Test
    void aRangeFromC1KeepsItsFacetJointsAndTheUncoveredOne() throws LevelException {
        Levels l = LevelParser.parse("C1-3");
        assertEquals("C2-C3", l.jointList());
        assertEquals("C1-C2 (atlanto-axial)", l.uncoveredList());
    }
}
