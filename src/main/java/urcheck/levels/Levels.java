package urcheck.levels;

import java.util.List;
import java.util.stream.Collectors;
import urcheck.facts.Region;

/**
 * Levels as written in a request and the joints urcheck understood from them. An ambiguous reading
 * keeps its best guess in {@code joints} and says what else it could mean in {@code readAs}.
 */
public record Levels(String asWritten, List<Joint> joints, String readAs, boolean ambiguous) {

    public Levels {
        joints = List.copyOf(joints);
    }

    public String jointList() {
        return joints.stream().map(Joint::name).collect(Collectors.joining(", "));
    }

    public Region region() {
        return joints.isEmpty() ? null : joints.get(0).region();
    }

    public String describe() {
        return "\"" + asWritten + "\" read as " + readAs;
    }
}
