package urcheck.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finds numbers a case file cannot mean: beyond a double's range (1e400 reads as Infinity). */
final class NumberCheck {

    private NumberCheck() {
    }

    static void nonFinite(JsonNode node, String path, List<Problem> problems) {
        if (tooLarge(node)) {
            problems.add(problem(path));
        } else if (node.isContainerNode()) {
            walk(node, new Crumb(null, path, null, -1), problems);
        }
    }

    /** The children of a container; a path is spelt out only for a number found too large (almost never). */
    private static void walk(JsonNode container, Crumb at, List<Problem> problems) {
        if (container.isArray()) {
            for (int i = 0; i < container.size(); i++) {
                if (problems.size() > ProblemLimit.MAX) {
                    return;
                }
                JsonNode child = container.get(i);
                if (tooLarge(child)) {
                    problems.add(problem(new Crumb(at, null, null, i).path()));
                } else if (child.isContainerNode()) {
                    walk(child, new Crumb(at, null, null, i), problems);
                }
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = container.fields(); it.hasNext(); ) {
                if (problems.size() > ProblemLimit.MAX) {
                    return;
                }
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode child = e.getValue();
                if (tooLarge(child)) {
                    problems.add(problem(new Crumb(at, null, e.getKey(), -1).path()));
                } else if (child.isContainerNode()) {
                    walk(child, new Crumb(at, null, e.getKey(), -1), problems);
                }
            }
        }
    }

    private static boolean tooLarge(JsonNode node) {
        return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue());
    }

    private static Problem problem(String path) {
        return new Problem(path, "a number within range (this one is too large to read)");
    }

    /** One step down the tree: the root's path, an object key or an array index. */
    private record Crumb(Crumb parent, String root, String key, int index) {
        String path() {
            if (parent == null) {
                return root;
            }
            return parent.path() + (key != null ? "." + Problem.key(key) : "[" + index + "]");
        }
    }
}
