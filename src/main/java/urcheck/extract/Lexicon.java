package urcheck.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words urcheck extract reads by: rules/lexicon/context.json (NegEx/ConText-style triggers),
 * sections.json (headings) and facts.json (what names each case-file fact). Data a clinician can read
 * and extend; this class only loads and compiles it.
 */
final class Lexicon {

    static final String CLASSPATH_DIR = "urcheck-rules/lexicon/";
    private static final String[] FILES = {"context.json", "sections.json", "facts.json"};
    private static Lexicon builtIn;

    /** How a trigger category acts on a fact, in the manner of ConText. */
    enum Category { NEGATION, UNCERTAIN, RULE_OUT, NOT_DOCUMENTED, HYPOTHETICAL, FUTURE, HISTORICAL, OTHER_PERSON, GENERIC, PSEUDO }

    /** A finding entry of facts.json. */
    record FindingSpec(String fact, Terms terms, Terms requires, Terms unless, String status, String when, boolean onlyAbsent) {
    }

    record Named(String name, Terms terms) {
    }

    final Map<Category, Terms> before = new EnumMap<>(Category.class);
    final Map<Category, Terms> after = new EnumMap<>(Category.class);
    final Terms termination;
    final Terms patient;
    final Map<Section, Terms> sections = new EnumMap<>(Section.class);
    final List<FindingSpec> findings = new ArrayList<>();
    final Terms diagnosisCues;
    final Terms injectateCues;
    final List<Named> diagnoses;
    final List<Named> care;
    final Terms careCues;
    final Terms failed;
    final Terms helped;
    final Terms functionPresent;
    final Terms functionAbsent;
    final List<Named> procedures;
    final Terms pastCues;
    final List<Named> qualitativeRelief;
    final List<Named> anesthetics;
    final List<Named> functionalChange;
    final List<Named> services;
    final List<String> associatedServices = new ArrayList<>();
    final Terms requestCues;
    final Terms requestNotCues;
    final Terms decisionWords;
    final List<Named> purposes;
    final Terms repeatWords;
    final Terms stagedWords;
    final List<Named> regions;
    final List<Named> laterality;
    final Terms injuryDateCues;
    final Terms requestDateCues;
    final Terms noteDateCues;
    final Terms otherDocumentCues;
    final Map<String, Integer> numbers = new LinkedHashMap<>();

    private Lexicon(JsonNode context, JsonNode sectionsJson, JsonNode facts) {
        put(context, "negation", Category.NEGATION);
        put(context, "uncertain", Category.UNCERTAIN);
        put(context, "ruleOut", Category.RULE_OUT);
        put(context, "notDocumented", Category.NOT_DOCUMENTED);
        put(context, "hypothetical", Category.HYPOTHETICAL);
        put(context, "future", Category.FUTURE);
        put(context, "historical", Category.HISTORICAL);
        put(context, "otherPerson", Category.OTHER_PERSON);
        put(context, "generic", Category.GENERIC);
        before.put(Category.PSEUDO, terms(context.get("pseudo")));
        termination = terms(context.get("termination"));
        patient = terms(context.get("patient"));
        for (Section s : Section.values()) {
            if (sectionsJson.has(s.key())) {
                sections.put(s, terms(sectionsJson.get(s.key())));
            }
        }
        for (JsonNode f : facts.get("findings")) {
            findings.add(new FindingSpec(f.get("fact").asText(), terms(f.get("terms")), terms(f.get("requires")),
                    terms(f.get("unless")), f.path("status").asText(null), f.path("when").asText("current"),
                    f.path("onlyAbsent").asBoolean(false)));
        }
        diagnosisCues = terms(facts.get("diagnosisCues"));
        injectateCues = terms(facts.get("injectateCues"));
        diagnoses = named(facts.get("diagnoses"), "condition");
        care = named(facts.get("care"), "modality");
        careCues = terms(facts.get("careCues"));
        failed = terms(facts.at("/response/failed"));
        helped = terms(facts.at("/response/helped"));
        functionPresent = terms(facts.at("/functionalImprovement/present"));
        functionAbsent = terms(facts.at("/functionalImprovement/absent"));
        procedures = named(facts.get("procedures"), "type");
        pastCues = terms(facts.get("pastCues"));
        qualitativeRelief = fields(facts.get("qualitativeRelief"));
        anesthetics = fields(facts.get("anesthetics"));
        functionalChange = fields(facts.get("functionalChange"));
        services = named(facts.get("services"), "service");
        facts.get("associatedServices").forEach(n -> associatedServices.add(n.asText()));
        requestCues = terms(facts.get("requestCues"));
        requestNotCues = terms(facts.get("requestNotCues"));
        decisionWords = terms(facts.get("decisionWords"));
        purposes = fields(facts.get("purposes"));
        repeatWords = terms(facts.get("repeatWords"));
        stagedWords = terms(facts.get("stagedWords"));
        regions = fields(facts.get("regions"));
        laterality = fields(facts.get("laterality"));
        injuryDateCues = terms(facts.at("/dates/injury"));
        requestDateCues = terms(facts.at("/dates/request"));
        noteDateCues = terms(facts.at("/dates/note"));
        otherDocumentCues = terms(facts.at("/dates/otherDocument"));
        facts.get("numbers").fields().forEachRemaining(e -> numbers.put(e.getKey(), e.getValue().asInt()));
    }

    /** The lexicon built into urcheck (rules/lexicon/, inside the jar). */
    static synchronized Lexicon builtIn() {
        if (builtIn == null) {
            List<JsonNode> nodes = new ArrayList<>();
            for (String f : FILES) {
                try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + f)) {
                    if (in == null) {
                        throw new IllegalStateException("the extraction lexicon is missing from the build: " + CLASSPATH_DIR + f);
                    }
                    nodes.add(new ObjectMapper().readTree(in));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the extraction lexicon " + f + ": " + e.getMessage(), e);
                }
            }
            builtIn = new Lexicon(nodes.get(0), nodes.get(1), nodes.get(2));
        }
        return builtIn;
    }

    /** A lexicon from a folder (a rules/lexicon/ being edited). */
    static Lexicon from(Path dir) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String f : FILES) {
            nodes.add(new ObjectMapper().readTree(Files.readString(dir.resolve(f))));
        }
        return new Lexicon(nodes.get(0), nodes.get(1), nodes.get(2));
    }

    private void put(JsonNode context, String key, Category c) {
        JsonNode n = context.get(key);
        before.put(c, terms(n == null ? null : n.get("before")));
        after.put(c, terms(n == null ? null : n.get("after")));
    }

    static Terms terms(JsonNode array) {
        if (array == null || array.isNull() || !array.isArray()) {
            return Terms.NONE;
        }
        List<String> t = new ArrayList<>();
        array.forEach(n -> t.add(n.asText()));
        return new Terms(t);
    }

    private static List<Named> named(JsonNode array, String nameField) {
        List<Named> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(new Named(n.get(nameField).asText(), terms(n.get("terms"))));
        }
        return out;
    }

    private static List<Named> fields(JsonNode object) {
        List<Named> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(new Named(e.getKey(), terms(e.getValue())));
        }
        return out;
    }
}
