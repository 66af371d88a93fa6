package urcheck.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the level grammar (docs/level-grammar.md), over generated levels: every notation of the same
 * joints (pairs in any style and order, a range, a chain, laterality words around them) reads as the same
 * joints without ambiguity; and any text at all is read or refused with a LevelException, nothing else.
 * Seeded; {@code -Durcheck.fuzz.cases=N} runs N times more (README "Errors").
 */
class LevelGrammarPropertiesTest {

    private static final List<String> SPINE = List.of("C2", "C3", "C4", "C5", "C6", "C7",
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1");
    private static final int RUNS = 500 * Integer.getInteger("urcheck.fuzz.cases", 3);
    private static final long SEED = Long.getLong("urcheck.fuzz.seed", 13L);

    @Test
    void equivalentNotationsGiveTheSameJoints() throws LevelException {
        Random r = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            int first = r.nextInt(SPINE.size() - 1);
            int count = 1 + r.nextInt(Math.min(4, SPINE.size() - 1 - first));
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                expected.add(SPINE.get(first + k) + "-" + SPINE.get(first + k + 1));
            }
            String joints = String.join(", ", expected);
            for (String written : notations(r, first, count)) {
                String withWords = decorate(r, written);
                Levels l = LevelParser.parse(withWords, LevelContext.values()[r.nextInt(3)]);
                assertEquals(joints, l.jointList(), "seed " + SEED + " run " + run + ": \"" + withWords + "\" read as " + l.readAs());
                assertFalse(l.ambiguous(), "seed " + SEED + " run " + run + ": \"" + withWords + "\" called ambiguous: " + l.readAs());
            }
        }
    }

    /** The same joints written as pairs (every style, any order), a range, and a chain. */
    private static List<String> notations(Random r, int first, int count) {
        List<String> out = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            pairs.add(pair(r, SPINE.get(first + k), SPINE.get(first + k + 1)));
        }
        Collections.shuffle(pairs, r);
        String[] joins = {", ", " and ", "; ", " & ", " , "};
        out.add(String.join(joins[r.nextInt(joins.length)], pairs));
        String upper = SPINE.get(first);
        String lower = SPINE.get(first + count);
        out.add(upper + sep(r) + shortened(upper, lower, r));
        if (count >= 2) {
            StringBuilder chain = new StringBuilder(upper);
            for (int k = 1; k <= count; k++) {
                chain.append(r.nextBoolean() ? "-" : "/").append(shortened(SPINE.get(first + k - 1), SPINE.get(first + k), r));
            }
            out.add(chain.toString());
        }
        return out;
    }

    private static String pair(Random r, String upper, String lower) {
        return switch (r.nextInt(4)) {
            case 0 -> upper + "-" + shortened(upper, lower, r);
            case 1 -> upper + "/" + shortened(upper, lower, r);
            case 2 -> upper + " to " + lower;
            default -> (upper + sep(r) + lower).toLowerCase();
        };
    }

    /** "L5" after "L4" may drop its letter; "S1" after "L5" may not. */
    private static String shortened(String previous, String name, Random r) {
        return previous.charAt(0) == name.charAt(0) && r.nextBoolean() ? name.substring(1) : name;
    }

    private static String sep(Random r) {
        String[] seps = {"-", "/", "\u2013", " - ", " through ", " to "};
        return seps[r.nextInt(seps.length)];
    }

    private static String decorate(Random r, String levels) {
        String[] before = {"", "bilateral ", "Left ", "right-sided ", "B/L "};
        String[] after = {"", " facet joints", " bilaterally", " (both sides)"};
        return before[r.nextInt(before.length)] + levels + after[r.nextInt(after.length)];
    }

    @Test
    void anyTextIsReadOrRefusedNeverAnotherError() {
        Random r = new Random(SEED);
        String[] atoms = {"C", "T", "L", "S", "O", "occiput", "0", "1", "2", "5", "9", "12", "-", "/", "\u2013", " to ", " through ",
            ", ", " and ", " medial branch", " MBB", " ", "x", "\u0000", "\u001b[", "99999999999999999999"};
        for (int run = 0; run < RUNS * 4; run++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) {
                s.append(atoms[r.nextInt(atoms.length)]);
            }
            String text = s.toString();
            try {
                Levels l = LevelParser.parse(text, LevelContext.values()[r.nextInt(3)]);
                assertNotNull(l.readAs());
                assertTrue(l.joints().stream().allMatch(j -> SPINE.indexOf(j.upper()) >= 0), text + " -> " + l.readAs());
            } catch (LevelException e) {
                assertNotNull(e.getMessage());
            } catch (RuntimeException e) {
                fail("seed " + SEED + " run " + run + ": \"" + text + "\": " + e, e);
            }
        }
    }
}
