package urcheck.levels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import urcheck.facts.Region;

/**
 * Reads levels as people write them in requests, by the grammar in docs/level-grammar.md (keep the two in
 * step): joints ("L4-5", "L4/L5"), ranges ("L3-5", "L4-S1"), chains ("C3-4-5-6"), and lone names, which
 * are medial-branch nerves for a block or a neurotomy ("L3, L4, L5 medial branches") and ambiguous for an
 * intra-articular injection. Occiput-C1 and C1-C2 are read, and kept apart as targets that are no facet
 * joint these guidelines cover, so the item is answered rather than the case refused.
 */
public final class LevelParser {

    /** Names in order; a joint is two neighbours. Index 0 is the occiput, so index i is vertebra C(i) in the neck. */
    private static final List<String> VERTEBRAE = List.of(
            "occiput", "C1", "C2", "C3", "C4", "C5", "C6", "C7",
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
            "L1", "L2", "L3", "L4", "L5", "S1");
    /** The first facet joint these guidelines cover is C2-C3: above it the occiput-C1 and atlanto-axial joints. */
    private static final int FIRST_FACET = VERTEBRAE.indexOf("C2");
    private static final int LAST_UPPER = VERTEBRAE.indexOf("L5");

    /** Medial-branch nerves in order: C1 (which has none: with C2 it points at the atlanto-axial joint), C2..C8, T1..L5. */
    private static final List<String> NERVES = List.of(
            "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8",
            "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
            "L1", "L2", "L3", "L4", "L5");

    // The grammar's terminals (docs/level-grammar.md). "O" is the occiput only right before "-C1".
    private static final String SEP = "\\s*(?:-|/|\\u2013|\\u2014|\\bTO\\b|\\bTHROUGH\\b|\\bTHRU\\b)\\s*";
    private static final String FIRST = "(?:OCCIPUT|OCC|C0|O(?=" + SEP + "C\\s*1\\b)|[CTLS]\\s*\\d{1,2})";
    private static final String NEXT = "(?:[CTLS]\\s*)?\\d{1,2}";
    /** Compiled once: {@code String.split(SEP)} compiled it again for every group of every case. */
    private static final Pattern SEPARATOR = Pattern.compile(SEP);
    private static final Pattern GROUP = Pattern.compile("\\b" + FIRST + "(?:" + SEP + NEXT + ")*\\b");
    private static final Pattern NAME = Pattern.compile("(OCCIPUT|OCC|C0|O|[CTLS])?\\s*(\\d{1,2})?");
    private static final Pattern NERVE_WORDS = Pattern.compile(
            "MEDIAL|BRANCH|NERVE|RAMUS|RAMI|\\bMBB|\\bMB\\b|\\bTON\\b|OCCIPITAL");

    private LevelParser() {
    }

    /** Levels of a medial branch block, a neurotomy or a finding: lone names are nerves. */
    public static Levels parse(String written) throws LevelException {
        return parse(written, LevelContext.MEDIAL_BRANCH);
    }

    public static Levels parse(String written, LevelContext context) throws LevelException {
        if (written.length() > CACHED_LENGTH) {
            return read(written, context);
        }
        Map<String, Levels> cache = CACHE.get(context);
        Levels known = cache.get(written);
        if (known == null) {
            known = read(written, context);
            if (cache.size() >= CACHED_READINGS) {
                // Start again rather than grow: a queue's levels repeat ("L4-5", "L5-S1"), its notes' words need not.
                cache.clear();
            }
            cache.put(written, known);
        }
        return known;
    }

    /**
     * Readings already made, by context and text: reading one costs a few microseconds (regular expressions),
     * several times per case, and a queue writes the same few levels over and over. A reading is immutable
     * and depends on nothing else, so sharing it changes no answer. Text that names no level is not kept.
     */
    private static final Map<LevelContext, Map<String, Levels>> CACHE = new EnumMap<>(LevelContext.class);
    private static final int CACHED_READINGS = 1024;
    private static final int CACHED_LENGTH = 80;

    static {
        for (LevelContext c : LevelContext.values()) {
            CACHE.put(c, new ConcurrentHashMap<>());
        }
    }

    /** A reading made now, not looked up (the tests compare the two). */
    static Levels read(String written, LevelContext context) throws LevelException {
        String text = written.toUpperCase(Locale.ROOT);
        boolean nerveWords = NERVE_WORDS.matcher(text.replace("OCCIPUT", "")).find();
        Matcher m = GROUP.matcher(text);
        List<List<String>> spans = new ArrayList<>();
        List<String> singles = new ArrayList<>();
        while (m.find()) {
            List<String> names = names(m.group());
            if (names.size() == 1) {
                singles.add(names.get(0));
            } else {
                spans.add(names);
            }
        }
        if (spans.isEmpty() && singles.isEmpty()) {
            throw new LevelException("levels such as \"L4-5\", \"C2-C3, C3-C4\" or \"C2, C3, C4 medial branches\"");
        }
        Reading reading = new Reading();
        for (List<String> span : spans) {
            reading.span(span, nerveWords);
        }
        if (!singles.isEmpty()) {
            if (!spans.isEmpty()) {
                // Joints and lone names mixed ("L4-5 and S1"): keep the joints, say it is ambiguous.
                reading.notes.add("also names " + String.join(", ", singles) + " on its own, which is no joint");
                reading.ambiguous = true;
            } else {
                reading.singles(singles, context);
            }
        }
        return reading.levels(written);
    }

    /** "C3-4-5-6" as [C3, C4, C5, C6]; a name without its letter keeps the letter before it. */
    private static List<String> names(String group) {
        List<String> out = new ArrayList<>();
        String letter = null;
        for (String part : SEPARATOR.split(group)) {
            Matcher n = NAME.matcher(part.trim());
            if (!n.matches()) {
                continue;
            }
            String l = n.group(1);
            if (l != null && (l.startsWith("O") || l.equals("C0")) && (n.group(2) == null || l.equals("C0"))) {
                out.add("occiput");
                letter = "C";
                continue;
            }
            if (l != null) {
                letter = l;
            }
            out.add(letter + Integer.parseInt(n.group(2)));
        }
        return out;
    }

    /** What the groups of one text were read as, gathered: joints, targets outside the guidelines, notes. */
    private static final class Reading {
        final TreeSet<Joint> joints = new TreeSet<>();
        final TreeSet<Joint> notCovered = new TreeSet<>();
        final List<String> notes = new ArrayList<>();
        final List<String> nerves = new ArrayList<>();
        boolean ambiguous;

        /** A group of two names or more: a joint, a range or a chain; read as nerves when nerve words say so. */
        void span(List<String> names, boolean nerveWords) throws LevelException {
            int[] at = new int[names.size()];
            for (int k = 0; k < names.size(); k++) {
                at[k] = vertebra(names.get(k));
                if (k > 0 && at[k] <= at[k - 1]) {
                    throw new LevelException("a level from a higher to a lower segment, such as \"L4-5\" (got "
                            + names.get(k - 1) + " to " + names.get(k) + ")");
                }
            }
            int first = at[0];
            int last = at[at.length - 1];
            boolean oneJoint = names.size() == 2 && last - first == 1;
            String written = String.join("-", names);
            if (nerveWords && !oneJoint && first >= VERTEBRAE.indexOf("C1")) {
                // "C2-C4 medial branches", "L3-4-5 medial branches": the nerves from the first to the last.
                List<String> nerveNames = new ArrayList<>();
                for (int v = first; v <= last; v++) {
                    nerveNames.add(VERTEBRAE.get(v));
                }
                nerves(nerveNames);
                notes.add(written + " read as medial-branch nerves");
                return;
            }
            List<Joint> spanned = new ArrayList<>();
            for (int k = 1; k < at.length; k++) {
                for (int v = at[k - 1]; v < at[k]; v++) {
                    spanned.add(joint(v));
                }
            }
            spanned.forEach(this::add);
            if (names.size() > 2) {
                notes.add(written + " is a chain of levels, read as the joints it chains: " + names(spanned));
            } else if (!oneJoint) {
                notes.add(written + " read as the joints it spans: " + names(spanned));
            }
        }

        /** Lone names: nerves for a block or neurotomy; for an injection into the joint they name no joint for sure. */
        void singles(List<String> singles, LevelContext context) throws LevelException {
            if (context == LevelContext.MEDIAL_BRANCH) {
                nerves(singles);
                return;
            }
            TreeSet<Integer> vertebrae = new TreeSet<>();
            for (String s : singles) {
                vertebrae.add(vertebra(s));
            }
            List<Joint> between = new ArrayList<>();
            for (int v : vertebrae) {
                if (vertebrae.contains(v + 1)) {
                    between.add(joint(v));
                }
            }
            String listed = vertebrae.stream().map(VERTEBRAE::get).collect(Collectors.joining(", "));
            Reading asNerves = new Reading();
            String nerveReading;
            try {
                asNerves.nerves(singles);
                nerveReading = "as medial-branch nerves " + (asNerves.joints.isEmpty() && asNerves.notCovered.isEmpty()
                        ? "they name no joint" : "they would name " + names(asNerves.all()));
            } catch (LevelException e) {
                nerveReading = "they are no medial-branch nerves either";
            }
            String jointReading = between.isEmpty() ? "as vertebrae they name no joint"
                    : "as vertebrae they span the joints " + names(between);
            if (!asNerves.ambiguous && !between.isEmpty() && asNerves.all().equals(between)) {
                // In the neck both readings agree (C2, C3, C4: nerves or vertebrae, C2-C3 and C3-C4): nothing to ask.
                between.forEach(this::add);
                notes.add(listed + " name " + names(between) + " whether they are vertebrae or medial-branch nerves");
                return;
            }
            ambiguous = true;
            if (context == LevelContext.INTRA_ARTICULAR) {
                between.forEach(this::add);
                notes.add("the vertebrae " + listed + " name no joint for certain for an intra-articular injection: "
                        + jointReading + "; " + nerveReading);
            } else {
                joints.addAll(asNerves.joints);
                notCovered.addAll(asNerves.notCovered);
                notes.add("the request does not say whether " + listed + " are medial-branch nerves or vertebrae: "
                        + nerveReading + "; " + jointReading);
            }
        }

        /** Nerves to joints by anatomy: two contiguous nerves name one joint. */
        void nerves(List<String> names) throws LevelException {
            TreeSet<Integer> idx = new TreeSet<>();
            for (String s : names) {
                int i = NERVES.indexOf(s);
                if (i < 0) {
                    throw new LevelException("medial-branch nerves from C2 to L5 (" + s + " is none)");
                }
                idx.add(i);
            }
            List<Integer> list = List.copyOf(idx);
            String listed = list.stream().map(NERVES::get).collect(Collectors.joining(", "));
            nerves.add(listed);
            if (list.size() == 1) {
                notes.add("the single nerve " + listed + ", which alone names no joint");
                ambiguous = true;
                return;
            }
            boolean contiguous = true;
            for (int k = 0; k + 1 < list.size(); k++) {
                int a = list.get(k);
                if (list.get(k + 1) != a + 1) {
                    contiguous = false;
                    continue;
                }
                add(jointFromNervePair(NERVES.get(a)));
            }
            if (!contiguous) {
                notes.add("the nerves are not contiguous, so the joints meant are unclear");
                ambiguous = true;
            }
        }

        void add(Joint j) {
            (j.order() < FIRST_FACET ? notCovered : joints).add(j);
        }

        List<Joint> all() {
            TreeSet<Joint> all = new TreeSet<>(joints);
            all.addAll(notCovered);
            return List.copyOf(all);
        }

        Levels levels(String written) {
            StringBuilder readAs = new StringBuilder();
            if (!nerves.isEmpty()) {
                readAs.append("medial-branch nerves ").append(String.join("; ", nerves)).append(" → ");
            }
            readAs.append("joints ").append(names(joints));
            if (!notCovered.isEmpty()) {
                readAs.append("; ").append(names(notCovered)).append(notCovered.size() == 1 ? " is" : " are")
                        .append(" not a facet joint these guidelines cover");
            }
            if (!notes.isEmpty()) {
                readAs.append(" (").append(String.join("; ", notes)).append(")");
            }
            return new Levels(written, List.copyOf(joints), List.copyOf(notCovered), readAs.toString(), ambiguous);
        }
    }

    private static Joint jointFromNervePair(String a) {
        if (a.startsWith("C")) {
            // Cervical: Cn and Cn+1 supply Cn-Cn+1; C7 and C8 supply C7-T1; C1 and C2 point at C1-C2.
            return joint(VERTEBRAE.indexOf(a));
        }
        // Thoracic and lumbar: Xn and Xn+1 supply the joint below Xn+1.
        return joint(VERTEBRAE.indexOf(a) + 1);
    }

    private static int vertebra(String name) throws LevelException {
        int i = VERTEBRAE.indexOf(name);
        if (i < 0 && !name.equals("C8")) {
            throw new LevelException("spinal segments C1-C7, T1-T12, L1-L5 and S1 (" + name + " is none)");
        }
        // C8 is a nerve, not a vertebra; as the lower end of a range it stands for T1.
        return i < 0 ? VERTEBRAE.indexOf("T1") : i;
    }

    private static Joint joint(int upperIndex) {
        if (upperIndex > LAST_UPPER) {
            throw new IllegalArgumentException("no joint below " + VERTEBRAE.get(upperIndex));
        }
        String upper = VERTEBRAE.get(upperIndex);
        Region region = switch (upper.charAt(0)) {
            case 'C', 'o' -> Region.CERVICAL;
            case 'T' -> Region.THORACIC;
            default -> Region.LUMBAR;
        };
        return new Joint(upper, VERTEBRAE.get(upperIndex + 1), region, upperIndex);
    }

    private static String names(Collection<Joint> joints) {
        return joints.isEmpty() ? "(none)" : joints.stream().map(Joint::name).collect(Collectors.joining(", "));
    }
}
