package urcheck.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Readings are kept and shared (issue 14): a kept reading must be the one a fresh reading gives, per context. */
class LevelCacheTest {

    @Test
    void theSameTextIsReadPerContextWhateverWasReadFirst() throws LevelException {
        String written = "L3, L4 and L5 (cache test)";
        Levels nerves = LevelParser.parse(written, LevelContext.MEDIAL_BRANCH);
        Levels joints = LevelParser.parse(written, LevelContext.INTRA_ARTICULAR);
        assertNotEquals(nerves.jointList(), joints.jointList());
        assertEquals(LevelParser.read(written, LevelContext.INTRA_ARTICULAR), LevelParser.parse(written, LevelContext.INTRA_ARTICULAR));
        assertEquals(LevelParser.read(written, LevelContext.MEDIAL_BRANCH), LevelParser.parse(written, LevelContext.MEDIAL_BRANCH));
    }

    @Test
    void textThatNamesNoLevelIsRefusedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThrows(LevelException.class, () -> LevelParser.parse("C9-C10", LevelContext.MEDIAL_BRANCH));
        }
    }

    @Test
    void keptReadingsEqualFreshOnesAcrossManyTexts() throws LevelException {
        // More distinct texts than are kept, so the store is emptied and refilled on the way.
        List<String> names = List.of("C2", "C3", "C4", "C5", "C6", "C7", "T1", "T4", "T12", "L1", "L3", "L4", "L5", "S1");
        List<String> glue = List.of("-", "/", ", ", " and ", " to ", " ");
        List<String> words = List.of("", " medial branches", " bilateral", " facet");
        Random r = new Random(14);
        for (int i = 0; i < 5000; i++) {
            String text = names.get(r.nextInt(names.size())) + glue.get(r.nextInt(glue.size())) + names.get(r.nextInt(names.size()))
                    + words.get(r.nextInt(words.size())) + (r.nextBoolean() ? "" : " #" + r.nextInt(700));
            LevelContext context = LevelContext.values()[r.nextInt(3)];
            Levels fresh;
            try {
                fresh = LevelParser.read(text, context);
            } catch (LevelException e) {
                assertThrows(LevelException.class, () -> LevelParser.parse(text, context), text);
                continue;
            }
            assertEquals(fresh, LevelParser.parse(text, context), text + " " + context);
            assertEquals(fresh, LevelParser.parse(text, context), text + " " + context + ", kept");
        }
    }
}
