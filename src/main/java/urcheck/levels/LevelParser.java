package urcheck.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import urcheck.facts.Region;

/**
 * Reads levels as people write them in requests: joints ("L4-5", "L4-L5", "L4/5", "C2-C3"), ranges
 * ("C2-4"), and medial-branch nerve lists ("C2, C3, C4", "L3, L4, L5 medial branches", "L5 dorsal
 * ramus"). Nerves become joints by anatomy: in the neck the Cn and Cn+1 medial branches supply the
 * Cn-Cn+1 joint; in the thoracic and lumbar spine the Ln and Ln+1 medial branches (L5: the dorsal
 * ramus) supply the joint below, Ln+1-Ln+2, so "L3, L4, L5" is L4-L5 and L5-S1 (criteria.md §6).
 */
public final class LevelParser {

    /** Vertebrae in order; a joint is named by two neighbours in this list, from C2-C3 to L5-S1. */
    private static final List<String> VERTEBRAE = List.of(
            "C1", "C2", "C3", "C4", "C5", "C6", "C7",
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
            "L1", "L2", "L3", "L4", "L5", "S1");
    private static final int FIRST_JOINT = VERTEBRAE.indexOf("C2");
    private static final int LAST_UPPER = VERTEBRAE.indexOf("L5");

    /** Medial-branch nerves in order: C2..C8 then T1..L5. */
    private static final List<String> NERVES = List.of(
            "C2", "C3", "C4", "C5", "C6", "C7", "C8",
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
            "L1", "L2", "L3", "L4", "L5");

    private static final Pattern TOKEN = Pattern.compile(
            "\\b([CTLS])\\s*(\\d{1,2})(?:\\s*(?:-|/|\\u2013|TO|THROUGH)\\s*([CTLS])?\\s*(\\d{1,2}))?\\b");
    private static final Pattern NERVE_WORDS = Pattern.compile(
            "MEDIAL|BRANCH|NERVE|RAMUS|RAMI|\\bMBB|\\bMB\\b|\\bTON\\b|OCCIPITAL");

    private LevelParser() {
    }

    public static Levels parse(String written) throws LevelException {
        String text = written.toUpperCase(Locale.ROOT);
        Matcher m = TOKEN.matcher(text);
        List<int[]> pairs = new ArrayList<>();
        List<String> singles = new ArrayList<>();
        while (m.find()) {
            String a = m.group(1) + Integer.parseInt(m.group(2));
            if (m.group(4) == null) {
                singles.add(a);
            } else {
                String b = (m.group(3) == null ? m.group(1) : m.group(3)) + Integer.parseInt(m.group(4));
                pairs.add(new int[] {vertebra(a, written), vertebra(b, written)});
            }
        }
        if (pairs.isEmpty() && singles.isEmpty()) {
            throw new LevelException("levels such as \"L4-5\", \"C2-C3, C3-C4\" or \"C2, C3, C4 medial branches\"");
        }
        boolean nerveWords = NERVE_WORDS.matcher(text).find();
        if (!pairs.isEmpty() && singles.isEmpty()) {
            return fromPairs(written, pairs, nerveWords);
        }
        if (pairs.isEmpty()) {
            return fromNerves(written, singles);
        }
        // Joints and lone segments mixed ("L4-5 and S1"): keep the joints, say it is ambiguous.
        Levels joints = fromPairs(written, pairs, nerveWords);
        return new Levels(written, joints.joints(), joints.readAs() + "; also names "
                + String.join(", ", singles) + " on its own, which is no joint", true);
    }

    private static Levels fromPairs(String written, List<int[]> pairs, boolean nerveWords) throws LevelException {
        TreeSet<Joint> joints = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        boolean ambiguous = false;
        for (int[] p : pairs) {
            int upper = p[0];
            int lower = p[1];
            if (lower <= upper) {
                throw new LevelException("a level from a higher to a lower segment, such as \"L4-5\" (got "
                        + VERTEBRAE.get(upper) + " to " + VERTEBRAE.get(lower) + ")");
            }
            if (upper < FIRST_JOINT || upper > LAST_UPPER) {
                throw new LevelException("facet joints from C2-C3 to L5-S1 (" + VERTEBRAE.get(upper)
                        + "-" + VERTEBRAE.get(lower) + " is none)");
            }
            if (lower - upper == 1) {
                joints.add(joint(upper));
            } else if (nerveWords) {
                // "C2-C4 medial branches": the nerves C2, C3, C4.
                List<String> nerves = new ArrayList<>();
                for (int v = upper; v <= lower; v++) {
                    nerves.add(VERTEBRAE.get(v));
                }
                Levels read = fromNerves(written, nerves);
                joints.addAll(read.joints());
                notes.add(VERTEBRAE.get(upper) + " to " + VERTEBRAE.get(lower) + " read as medial-branch nerves");
            } else {
                for (int v = upper; v < lower; v++) {
                    joints.add(joint(v));
                }
                notes.add(VERTEBRAE.get(upper) + "-" + VERTEBRAE.get(lower) + " read as the joints between");
                Region region = joint(upper).region();
                if (region != Region.CERVICAL) {
                    // Below the neck the nerve reading names different joints (L3-5 nerves: L4-L5, L5-S1).
                    ambiguous = true;
                    notes.add("it could also mean medial-branch nerves, which would name other joints");
                }
            }
        }
        return new Levels(written, List.copyOf(joints), "joints " + names(joints)
                + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"), ambiguous);
    }

    private static Levels fromNerves(String written, List<String> singles) throws LevelException {
        TreeSet<Integer> idx = new TreeSet<>();
        for (String s : singles) {
            int i = NERVES.indexOf(s);
            if (i < 0) {
                throw new LevelException("medial-branch nerves from C2 to L5 (" + s + " is none)");
            }
            idx.add(i);
        }
        List<Integer> list = List.copyOf(idx);
        String nerveNames = list.stream().map(NERVES::get).collect(Collectors.joining(", "));
        if (list.size() == 1) {
            return new Levels(written, List.of(), "the single nerve " + nerveNames
                    + ", which alone names no joint", true);
        }
        TreeSet<Joint> joints = new TreeSet<>();
        boolean contiguous = true;
        for (int k = 0; k + 1 < list.size(); k++) {
            int a = list.get(k);
            if (list.get(k + 1) != a + 1) {
                contiguous = false;
                continue;
            }
            joints.add(jointFromNervePair(NERVES.get(a), NERVES.get(a + 1)));
        }
        String readAs = "medial-branch nerves " + nerveNames + " → joints " + names(joints);
        if (!contiguous) {
            return new Levels(written, List.copyOf(joints), readAs
                    + " (the nerves are not contiguous, so the joints meant are unclear)", true);
        }
        return new Levels(written, List.copyOf(joints), readAs, false);
    }

    private static Joint jointFromNervePair(String a, String b) {
        if (a.startsWith("C")) {
            // Cervical: Cn and Cn+1 supply Cn-Cn+1; C7 and C8 supply C7-T1.
            return joint(VERTEBRAE.indexOf(a));
        }
        // Thoracic and lumbar: Xn and Xn+1 supply the joint below Xn+1.
        return joint(VERTEBRAE.indexOf(a) + 1);
    }

    private static int vertebra(String name, String written) throws LevelException {
        int i = VERTEBRAE.indexOf(name);
        if (i < 0 && !name.equals("C8")) {
            throw new LevelException("spinal segments C1-C7, T1-T12, L1-L5 and S1 (" + name + " is none)");
        }
        // C8 is a nerve, not a vertebra; as the lower end of a range it stands for T1.
        return i < 0 ? VERTEBRAE.indexOf("T1") : i;
    }

    private static Joint joint(int upperIndex) {
        String upper = VERTEBRAE.get(upperIndex);
        Region region = switch (upper.charAt(0)) {
            case 'C' -> Region.CERVICAL;
            case 'T' -> Region.THORACIC;
            default -> Region.LUMBAR;
        };
        return new Joint(upper, VERTEBRAE.get(upperIndex + 1), region, upperIndex);
    }

    private static String names(java.util.Collection<Joint> joints) {
        return joints.isEmpty() ? "(none)" : joints.stream().map(Joint::name).collect(Collectors.joining(", "));
    }
}
