package urcheck.levels;

import java.util.List;
import java.util.stream.Collectors;
import urcheck.facts.Region;

/**
 * Levels as written in a request and the joints urcheck understood from them. An ambiguous reading
 * keeps its best guess in {@code joints} and says what else it could mean in {@code readAs}.
 * {@code notCovered} holds targets that were read but are no facet joint these guidelines cover
 * (occiput-C1, C1-C2): an item naming one is answered "not covered", not refused (docs/level-grammar.md).
 */
public record Levels(String asWritten, List<Joint> joints, List<Joint> notCovered, String readAs, boolean ambiguous) {

    public Levels {
        joints = List.copyOf(joints);
        notCovered = List.copyOf(notCovered);
    }

    public Levels(String asWritten, List<Joint> joints, String readAs, boolean ambiguous) {
        this(asWritten, joints, List.of(), readAs, ambiguous);
    }

    public String jointList() {
        return joints.stream().map(Joint::name).collect(Collectors.joining(", "));
    }

    /** Whether the levels name a target outside the facet joints these guidelines cover (C2-C3 to L5-S1). */
    public boolean namesUncoveredTarget() {
        return !notCovered.isEmpty();
    }

    /** "C1-C2 (atlanto-axial)": the uncovered targets, for the answer's reason. */
    public String uncoveredList() {
        return notCovered.stream().map(j -> j.name() + (j.upper().equals("C1") ? " (atlanto-axial)"
                : j.upper().equals("occiput") ? " (atlanto-occipital)" : "")).collect(Collectors.joining(", "));
    }

    public Region region() {
        if (!joints.isEmpty()) {
            return joints.get(0).region();
        }
        return notCovered.isEmpty() ? null : notCovered.get(0).region();
    }

    public String describe() {
        return "\"" + asWritten + "\" read as " + readAs;
    }
}
