package urcheck.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Finds where in a resource's JSON an element sits. HAPI's parser names only the element at fault
 * ("value"), not its path; searching the resource for that element (with the offending value, when
 * known) turns it into a path such as {@code quantityQuantity.value} or {@code bodySite[0].coding[0].system}.
 */
final class JsonLocator {

    private JsonLocator() {
    }

    /** The path of the first element with this name (and value, if given), or null when none matches. */
    static String find(JsonNode root, String element, String value) {
        return search(root, "", element, value);
    }

    private static String search(JsonNode node, String path, String element, String value) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String here = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().equals(element) && matches(e.getValue(), value)) {
                    return here;
                }
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String found = search(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), element, value);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = search(node.get(i), path + "[" + i + "]", element, value);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean matches(JsonNode node, String value) {
        if (value == null) {
            return true;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                if (matches(n, value)) {
                    return true;
                }
            }
            return false;
        }
        return node.isValueNode() && node.asText().equals(value);
    }
}
