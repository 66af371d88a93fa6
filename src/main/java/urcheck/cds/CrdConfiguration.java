package urcheck.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a CRD client asked for in the request's {@code extension["davinci-crd.configuration"]}: which card types
 * to return. Every type is on unless switched off with {@code false}. Nothing here is required (CRD 2.0.1 req
 * 129), codes urcheck does not offer are ignored (req 131), and a value of the wrong type leaves its default
 * (req 117: clients may not keep to the rules; a hook call never fails for its configuration).
 */
final class CrdConfiguration {

    static final String REQUEST_EXTENSION = "davinci-crd.configuration";
    static final String DISCOVERY_EXTENSION = "davinci-crd.configuration-options";

    private final Set<CardType> enabled;

    private CrdConfiguration(Set<CardType> enabled) {
        this.enabled = enabled;
    }

    static CrdConfiguration of(JsonNode request) {
        Set<CardType> on = EnumSet.allOf(CardType.class);
        JsonNode config = request == null ? null : request.path("extension").get(REQUEST_EXTENSION);
        if (config != null && config.isObject()) {
            for (CardType t : CardType.values()) {
                JsonNode v = config.get(t.option);
                if (v != null && v.isBoolean() && !v.booleanValue()) {
                    on.remove(t);
                }
            }
        }
        return new CrdConfiguration(on);
    }

    boolean returns(CardType type) {
        return enabled.contains(type);
    }

    /** The discovery document's options: one boolean per card type, on by default. */
    static void describe(ArrayNode options) {
        for (CardType t : CardType.values()) {
            options.addObject().put("code", t.option).put("type", "boolean").put("name", t.name)
                    .put("description", t.description).put("default", true);
        }
    }
}
