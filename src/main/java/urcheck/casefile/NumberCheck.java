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
        // Almost every case has no such number: a walk that builds nothing says so. Only when it finds one
        // does the walk that spells out every path run (building a path for every node cost ~5 us a case).
        if (allFinite(node)) {
            return;
        }
        withPaths(node, path, problems);
    }

    private static boolean allFinite(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!allFinite(child)) {
                    return false;
                }
            }
            return true;
        }
        return !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue());
    }

    private static void withPaths(JsonNode node, String path, List<Problem> problems) {
        if (problems.size() > ProblemLimit.MAX) {
            return;
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            problems.add(new Problem(path, "a number within range (this one is too large to read)"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                withPaths(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                withPaths(e.getValue(), path + "." + Problem.key(e.getKey()), problems);
            }
        }
    }
}
