package urcheck.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import urcheck.casefile.Problem;
import urcheck.casefile.ProblemLimit;

/**
 * FHIR R4 through HAPI: one context per process (it is thread-safe and costly to build), strict parsing
 * of one resource at a time so that every problem names the resource and the element it is in.
 * Strict because a misspelt element ("bodysite") would otherwise drop documentation without a word.
 */
public final class FhirR4 {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirR4() {
    }

    /** Built on first use: a plain check never loads HAPI. */
    private static final class Holder {
        static final FhirContext CONTEXT = FhirContext.forR4Cached();
    }

    static FhirContext context() {
        return Holder.CONTEXT;
    }

    /** How a resource is named in error paths: {@code ServiceRequest/abc}, or its type when it has no id. */
    public static String label(JsonNode resource) {
        // Both are sender's text: shown only when they look like a FHIR type and id ([A-Za-z0-9-.]{1,64}).
        String type = resource.path("resourceType").asText("");
        String id = resource.path("id").asText("");
        type = type.matches("[A-Za-z]{1,64}") ? type : "";
        return id.isEmpty() || !id.matches("[A-Za-z0-9.-]{1,64}") ? type : type + "/" + id;
    }

    /**
     * Parses one resource. {@code at} names where it is ("Bundle.entry[3].resource(ServiceRequest/abc)");
     * each problem found is added under that path. Returns null when the resource cannot be used.
     */
    static Resource parse(JsonNode json, String at, List<Problem> problems) {
        if (json == null || !json.isObject()) {
            problems.add(new Problem(at, "a FHIR resource (a JSON object with a resourceType)"));
            return null;
        }
        JsonNode type = json.get("resourceType");
        if (type == null || !type.isTextual()) {
            problems.add(new Problem(at + ".resourceType", "is required: the FHIR resource type, such as \"ServiceRequest\""));
            return null;
        }
        if (!context().getResourceTypes().contains(type.asText())) {
            problems.add(new Problem(at + ".resourceType", "a FHIR R4 resource type such as \"ServiceRequest\" (this one is not)"));
            return null;
        }
        Collector collector = new Collector();
        IParser parser = context().newJsonParser().setParserErrorHandler(collector);
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(json.toString());
        } catch (DataFormatException e) {
            // HAPI's message quotes what it could not parse (a whole narrative div): say what kind of fault, not the text.
            problems.add(new Problem(at, "is not valid FHIR R4: " + kindOfFault(e.getMessage())));
            return null;
        } catch (RuntimeException e) {
            // HAPI's own fault on some input it did not expect (a NullPointerException on a mutated resource,
            // found by the fuzz harness): still this resource's problem, not a 500.
            problems.add(new Problem(at, "is not valid FHIR R4: HAPI FHIR could not parse it (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        int located = 0;
        for (Collector.Issue issue : collector.issues) {
            // Locating an issue walks the resource: only the first ones are placed, so 140,000 unknown elements
            // cost one walk each for at most MAX of them, not 140,000 walks (the answer lists only MAX anyway).
            if (located++ == ProblemLimit.MAX) {
                problems.add(new Problem(at, "and " + (collector.issues.size() - ProblemLimit.MAX)
                        + " more problems in this resource, not listed"));
                break;
            }
            String where = issue.element == null ? null : JsonLocator.find(json, issue.element, issue.value);
            problems.add(new Problem(where == null ? at : at + "." + safeName(where), issue.message));
        }
        if (!collector.issues.isEmpty()) {
            return null;
        }
        return (Resource) parsed;
    }

    /** The resource as FHIR JSON (HAPI's encoder: elements in the order the specification defines). */
    static JsonNode toJson(Resource resource) {
        try {
            return JSON.readTree(context().newJsonParser().encodeResourceToString(resource));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot re-read HAPI's own JSON", e);
        }
    }

    /** What HAPI objected to, in our words: its own message may quote the resource. */
    static String kindOfFault(String hapiMessage) {
        String m = hapiMessage == null ? "" : hapiMessage.toLowerCase(Locale.ROOT);
        if (m.contains("xhtml") || m.contains("div") || m.contains("narrative")) {
            return "the narrative (text.div) is not well-formed XHTML";
        }
        if (m.contains("date") || m.contains("time")) {
            return "a date or time is not in FHIR's format (YYYY, YYYY-MM, YYYY-MM-DD or a full dateTime)";
        }
        if (m.contains("json") || m.contains("unexpected") || m.contains("token")) {
            return "its JSON does not have the shape of a FHIR R4 resource";
        }
        return "HAPI FHIR could not parse it (the resource's content is not repeated here)";
    }

    /**
     * An element path as the problem shows it: JSON names are chosen by the sender, so one that is no
     * plausible element name (spaces, punctuation, control characters: could be record text) is not echoed.
     */
    static String safeName(String path) {
        return path.matches("[A-Za-z0-9_.\\[\\]()/-]{1,200}") ? path : "(an element whose name is not shown)";
    }

    /** Collects what HAPI's parser objects to, instead of HAPI's default of logging and carrying on. */
    private static final class Collector implements IParserErrorHandler {

        record Issue(String element, String value, String message) {
        }

        final List<Issue> issues = new ArrayList<>();

        private static String name(IParseLocation at, String fallback) {
            String parent = at == null ? null : at.getParentElementName();
            return fallback != null ? fallback : parent;
        }

        @Override
        public void containedResourceWithNoId(IParseLocation at) {
            issues.add(new Issue("contained", null, "a contained resource needs an id"));
        }

        @Override
        public void incorrectJsonType(IParseLocation at, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            issues.add(new Issue(name(at, element), null, "expected " + jsonType(expected, expectedScalar)
                    + ", found " + jsonType(found, foundScalar)));
        }

        @Override
        public void invalidValue(IParseLocation at, String value, String error) {
            // Never the value (a date, a code, a name are record content) nor HAPI's error, which repeats it.
            issues.add(new Issue(name(at, null), value, "is not a valid value for this element: " + kindOfFault(error)));
        }

        @Override
        public void missingRequiredElement(IParseLocation at, String element) {
            issues.add(new Issue(name(at, null), null, "\"" + element + "\" is required"));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation at, String element) {
            issues.add(new Issue(element, null, "repeats, but FHIR R4 allows it once"));
        }

        @Override
        public void unknownAttribute(IParseLocation at, String attribute) {
            issues.add(new Issue(attribute, null, "is not an element of this FHIR R4 type"));
        }

        @Override
        public void unknownElement(IParseLocation at, String element) {
            issues.add(new Issue(element, null, "is not an element of this FHIR R4 type"));
        }

        @Override
        public void unknownReference(IParseLocation at, String reference) {
            // References to resources outside the bundle are normal: the mapping resolves what it can.
        }

        @Override
        public void invalidInternalReference(IParseLocation at, String reference) {
            issues.add(new Issue(name(at, null), reference, "refers to no contained resource"));
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation at) {
            issues.add(new Issue(name(at, null), null, "an extension has either a value or nested extensions, not both"));
        }

        private static String jsonType(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
            if (type == null) {
                return "another JSON type";
            }
            return switch (type) {
                case ARRAY -> "a JSON array";
                case OBJECT -> "a JSON object";
                case NULL -> "null";
                case SCALAR -> scalar == null ? "a JSON value" : "a JSON " + scalar.name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
