package urcheck.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import urcheck.facts.Anesthetic;
import urcheck.facts.CareModality;
import urcheck.facts.CareResponse;
import urcheck.facts.DiagnosisCondition;
import urcheck.facts.Documented;
import urcheck.facts.FindingKind;
import urcheck.facts.Jurisdiction;
import urcheck.facts.Laterality;
import urcheck.facts.PhysicalMedicineDiagnosis;
import urcheck.facts.ProcedureType;
import urcheck.facts.Purpose;
import urcheck.facts.QualitativeRelief;
import urcheck.facts.Region;
import urcheck.facts.ServiceType;

/**
 * Binds a parsed case file to a {@link CaseFileDto}, field by field, by hand: what Jackson's
 * {@code treeToValue} did, at a fraction of its cost, and strict where Jackson would coerce ("5" for 5) or
 * crash later (an unknown enum value, a missing status).
 *
 * <p>After the schema has accepted a tree none of its checks can fail. Without the schema (batch
 * {@code --trusted-input}) they are what stands between a case and a wrong or half answer: every field the
 * checker reads must have its type, every value an enum takes must be one of its values, the fields the
 * checker needs must be there, and a field the format does not have is refused rather than ignored. Each
 * says so as the schema validator would (same path, same words), and so does a case with no item. What is
 * left to the schema alone: ranges, lengths, patterns, and list sizes other than that.
 */
final class CaseFileBinder {

    static final JsonEnum<Jurisdiction> JURISDICTION = JsonEnum.of(Jurisdiction.class);
    static final JsonEnum<ServiceType> SERVICE = JsonEnum.of(ServiceType.class);
    static final JsonEnum<Purpose> PURPOSE = JsonEnum.of(Purpose.class);
    static final JsonEnum<Region> REGION = JsonEnum.of(Region.class);
    static final JsonEnum<Laterality> LATERALITY = JsonEnum.of(Laterality.class);
    static final JsonEnum<PhysicalMedicineDiagnosis> PM_DIAGNOSIS = JsonEnum.of(PhysicalMedicineDiagnosis.class);
    static final JsonEnum<Documented> STATUS = JsonEnum.of(Documented.class);
    static final JsonEnum<DiagnosisCondition> CONDITION = JsonEnum.of(DiagnosisCondition.class);
    static final JsonEnum<CareModality> MODALITY = JsonEnum.of(CareModality.class);
    static final JsonEnum<CareResponse> RESPONSE = JsonEnum.of(CareResponse.class);
    static final JsonEnum<ProcedureType> PROCEDURE = JsonEnum.of(ProcedureType.class);
    static final JsonEnum<QualitativeRelief> RELIEF = JsonEnum.of(QualitativeRelief.class);
    static final JsonEnum<Anesthetic> ANESTHETIC = JsonEnum.of(Anesthetic.class);
    private static final List<String> DIAGNOSIS_STATUS = List.of("present", "uncertain");
    private static final List<String> UNITS = List.of("hours", "days", "weeks", "months");

    /** radicularSymptoms for RADICULAR_SYMPTOMS: the clinical block's keys. */
    private static final Map<String, FindingKind> FINDING_KEYS = new HashMap<>();
    private static final String[] KEY_OF = new String[FindingKind.values().length];
    /** The kinds in the order of their keys: the order the findings always had (a sorted map's). */
    static final List<FindingKind> IN_KEY_ORDER;

    static {
        for (FindingKind k : FindingKind.values()) {
            StringBuilder camel = new StringBuilder();
            for (String word : k.name().toLowerCase(Locale.ROOT).split("_")) {
                camel.append(camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            KEY_OF[k.ordinal()] = camel.toString();
            FINDING_KEYS.put(camel.toString(), k);
        }
        FindingKind[] sorted = FindingKind.values();
        Arrays.sort(sorted, Comparator.comparing(k -> KEY_OF[k.ordinal()]));
        IN_KEY_ORDER = List.of(sorted);
    }

    private final List<Problem> problems = new ArrayList<>();

    private CaseFileBinder() {
    }

    /** The case file's key for a finding kind ("radicularSymptoms"). */
    static String key(FindingKind kind) {
        return KEY_OF[kind.ordinal()];
    }

    /** The bound case file, or null with {@code problems} said (sorted as the schema's are). */
    static CaseFileDto bind(JsonNode tree, List<Problem> problems) {
        CaseFileBinder b = new CaseFileBinder();
        CaseFileDto dto = b.root(tree);
        if (!b.problems.isEmpty()) {
            b.problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
            problems.addAll(b.problems);
            return null;
        }
        return dto;
    }

    private CaseFileDto root(JsonNode n) {
        At at = At.ROOT;
        if (!object(n, at)) {
            return null;
        }
        String caseId = null;
        Jurisdiction jurisdiction = null;
        String odgEdition = null;
        String requestDate = null;
        String injuryDate = null;
        List<CaseFileDto.Item> items = null;
        CaseFileDto.Clinical clinical = null;
        List<CaseFileDto.Care> care = null;
        List<CaseFileDto.Procedure> procedures = null;
        CaseFileDto.Plan plan = null;
        JsonNode expected = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "caseId" -> caseId = string(v, at, k);
                case "jurisdiction" -> jurisdiction = value(JURISDICTION, v, at, k);
                case "odgEdition" -> odgEdition = string(v, at, k);
                case "requestDate" -> requestDate = string(v, at, k);
                case "injuryDate" -> injuryDate = string(v, at, k);
                case "items" -> items = items(v, at.key(k));
                case "clinical" -> clinical = clinical(v, at.key(k));
                case "conservativeCare" -> care = care(v, at.key(k));
                case "priorProcedures" -> procedures = procedures(v, at.key(k));
                case "plan" -> plan = plan(v, at.key(k));
                // Kept for evaluate (labelled cases) and for tools; the checker reads neither.
                case "expected" -> expected = v;
                case "$schema", "extraction" -> { }
                default -> unknown(at, k);
            }
        }
        required(!n.has("caseId"), at, "caseId");
        required(!n.has("jurisdiction"), at, "jurisdiction");
        required(!n.has("items"), at, "items");
        if (items != null && items.isEmpty()) {
            // Nothing to answer: an empty answer would look like a checked request.
            problems.add(new Problem("$.items", "must have at least 1 items but found 0"));
        }
        return new CaseFileDto(caseId, jurisdiction, odgEdition, requestDate, injuryDate, items, clinical, care, procedures,
                plan, expected);
    }

    private List<CaseFileDto.Item> items(JsonNode n, At at) {
        if (!array(n, at)) {
            return null;
        }
        List<CaseFileDto.Item> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(item(n.get(i), at.index(i)));
        }
        return out;
    }

    private CaseFileDto.Item item(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        String id = null;
        String request = null;
        ServiceType service = null;
        Purpose purpose = null;
        Region region = null;
        String levels = null;
        Laterality laterality = null;
        Integer sessions = null;
        String frequency = null;
        Integer visits = null;
        PhysicalMedicineDiagnosis diagnosis = null;
        List<String> cpt = null;
        String primaryItem = null;
        Boolean repeat = null;
        Boolean stagedSides = null;
        Integer set = null;
        String alternativeTo = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "id" -> id = string(v, at, k);
                case "request" -> request = string(v, at, k);
                case "service" -> service = value(SERVICE, v, at, k);
                case "purpose" -> purpose = value(PURPOSE, v, at, k);
                case "region" -> region = value(REGION, v, at, k);
                case "levels" -> levels = string(v, at, k);
                case "laterality" -> laterality = value(LATERALITY, v, at, k);
                case "sessions" -> sessions = integer(v, at, k);
                case "frequency" -> frequency = string(v, at, k);
                case "visits" -> visits = integer(v, at, k);
                case "diagnosis" -> diagnosis = value(PM_DIAGNOSIS, v, at, k);
                case "cpt" -> cpt = strings(v, at.key(k));
                case "primaryItem" -> primaryItem = string(v, at, k);
                case "repeat" -> repeat = bool(v, at, k);
                case "stagedSides" -> stagedSides = bool(v, at, k);
                case "set" -> set = integer(v, at, k);
                case "alternativeTo" -> alternativeTo = string(v, at, k);
                default -> unknown(at, k);
            }
        }
        required(!n.has("id"), at, "id");
        // The schema's anyOf: a service, or codes that say it.
        if (!n.has("service") && !n.has("cpt")) {
            required(true, at, "service");
            required(true, at, "cpt");
        }
        return new CaseFileDto.Item(id, request, service, purpose, region, levels, laterality, sessions, frequency, visits,
                diagnosis, cpt, primaryItem, repeat, stagedSides, set, alternativeTo);
    }

    private CaseFileDto.Clinical clinical(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        EnumMap<FindingKind, CaseFileDto.Finding> findings = new EnumMap<>(FindingKind.class);
        List<CaseFileDto.DiagnosisEntry> diagnoses = List.of();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("diagnoses")) {
                List<CaseFileDto.DiagnosisEntry> d = diagnoses(e.getValue(), at.key(k));
                diagnoses = d == null ? List.of() : d;
                continue;
            }
            FindingKind kind = FINDING_KEYS.get(k);
            if (kind == null) {
                unknown(at, k);
            } else {
                CaseFileDto.Finding f = finding(e.getValue(), at.key(k));
                if (f != null) {
                    findings.put(kind, f);
                }
            }
        }
        return new CaseFileDto.Clinical(findings, diagnoses);
    }

    private List<CaseFileDto.DiagnosisEntry> diagnoses(JsonNode n, At at) {
        if (!array(n, at)) {
            return null;
        }
        List<CaseFileDto.DiagnosisEntry> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(diagnosis(n.get(i), at.index(i)));
        }
        return out;
    }

    private CaseFileDto.DiagnosisEntry diagnosis(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        String icd10 = null;
        DiagnosisCondition condition = null;
        String status = null;
        String levels = null;
        String note = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "icd10" -> icd10 = string(v, at, k);
                case "condition" -> condition = value(CONDITION, v, at, k);
                case "status" -> status = value(DIAGNOSIS_STATUS, v, at, k);
                case "levels" -> levels = string(v, at, k);
                case "note" -> note = string(v, at, k);
                default -> unknown(at, k);
            }
        }
        if (!n.has("icd10") && !n.has("condition")) {
            required(true, at, "condition");
            required(true, at, "icd10");
        }
        return new CaseFileDto.DiagnosisEntry(icd10, condition, "uncertain".equals(status), levels, note);
    }

    private CaseFileDto.Finding finding(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        Documented status = null;
        String levels = null;
        String note = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "status" -> status = value(STATUS, v, at, k);
                case "levels" -> levels = string(v, at, k);
                case "note" -> note = string(v, at, k);
                default -> unknown(at, k);
            }
        }
        required(!n.has("status"), at, "status");
        return new CaseFileDto.Finding(status, levels, note);
    }

    private List<CaseFileDto.Care> care(JsonNode n, At at) {
        if (!array(n, at)) {
            return null;
        }
        List<CaseFileDto.Care> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(oneCare(n.get(i), at.index(i)));
        }
        return out;
    }

    private CaseFileDto.Care oneCare(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        CareModality modality = null;
        Integer weeks = null;
        Integer visits = null;
        CareResponse response = null;
        CaseFileDto.Finding functionalImprovement = null;
        String note = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "modality" -> modality = value(MODALITY, v, at, k);
                case "weeks" -> weeks = integer(v, at, k);
                case "visits" -> visits = integer(v, at, k);
                case "response" -> response = value(RESPONSE, v, at, k);
                case "functionalImprovement" -> functionalImprovement = finding(v, at.key(k));
                case "note" -> note = string(v, at, k);
                default -> unknown(at, k);
            }
        }
        required(!n.has("modality"), at, "modality");
        required(!n.has("response"), at, "response");
        return new CaseFileDto.Care(modality, weeks, visits, response, functionalImprovement, note);
    }

    private List<CaseFileDto.Procedure> procedures(JsonNode n, At at) {
        if (!array(n, at)) {
            return null;
        }
        List<CaseFileDto.Procedure> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(procedure(n.get(i), at.index(i)));
        }
        return out;
    }

    private CaseFileDto.Procedure procedure(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        ProcedureType type = null;
        String date = null;
        Region region = null;
        String levels = null;
        Double reliefPercent = null;
        CaseFileDto.Duration reliefDuration = null;
        QualitativeRelief qualitativeRelief = null;
        Anesthetic anesthetic = null;
        CaseFileDto.FunctionalChange functionalChange = null;
        String note = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "type" -> type = value(PROCEDURE, v, at, k);
                case "date" -> date = string(v, at, k);
                case "region" -> region = value(REGION, v, at, k);
                case "levels" -> levels = string(v, at, k);
                case "reliefPercent" -> reliefPercent = number(v, at, k);
                case "reliefDuration" -> reliefDuration = duration(v, at.key(k));
                case "qualitativeRelief" -> qualitativeRelief = value(RELIEF, v, at, k);
                case "anesthetic" -> anesthetic = value(ANESTHETIC, v, at, k);
                case "functionalChange" -> functionalChange = functionalChange(v, at.key(k));
                case "note" -> note = string(v, at, k);
                default -> unknown(at, k);
            }
        }
        required(!n.has("type"), at, "type");
        return new CaseFileDto.Procedure(type, date, region, levels, reliefPercent, reliefDuration, qualitativeRelief,
                anesthetic, functionalChange, note);
    }

    private CaseFileDto.Duration duration(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        Double value = null;
        String unit = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "value" -> value = number(v, at, k);
                case "unit" -> unit = value(UNITS, v, at, k);
                default -> unknown(at, k);
            }
        }
        required(!n.has("value"), at, "value");
        required(!n.has("unit"), at, "unit");
        return value == null || unit == null ? null : new CaseFileDto.Duration(value, unit);
    }

    private CaseFileDto.FunctionalChange functionalChange(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        CaseFileDto.Finding work = null;
        CaseFileDto.Finding adl = null;
        CaseFileDto.Finding medication = null;
        CaseFileDto.Finding painScale = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "workStatusImproved" -> work = finding(v, at.key(k));
                case "adlImproved" -> adl = finding(v, at.key(k));
                case "medicationReduced" -> medication = finding(v, at.key(k));
                case "painScaleRecorded" -> painScale = finding(v, at.key(k));
                default -> unknown(at, k);
            }
        }
        return new CaseFileDto.FunctionalChange(work, adl, medication, painScale);
    }

    private CaseFileDto.Plan plan(JsonNode n, At at) {
        if (!object(n, at)) {
            return null;
        }
        CaseFileDto.Finding activeTherapy = null;
        CaseFileDto.Finding sedation = null;
        CaseFileDto.Finding opioidSedation = null;
        CaseFileDto.Finding withheld = null;
        CaseFileDto.Finding painDiary = null;
        CaseFileDto.Finding neurotomyPlanned = null;
        Double injectate = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            switch (k) {
                case "activeTherapy" -> activeTherapy = finding(v, at.key(k));
                case "sedation" -> sedation = finding(v, at.key(k));
                case "opioidSedation" -> opioidSedation = finding(v, at.key(k));
                case "homePainMedicationWithheld" -> withheld = finding(v, at.key(k));
                case "painDiary" -> painDiary = finding(v, at.key(k));
                case "neurotomyPlanned" -> neurotomyPlanned = finding(v, at.key(k));
                case "injectateVolumeCc" -> injectate = number(v, at, k);
                default -> unknown(at, k);
            }
        }
        return new CaseFileDto.Plan(activeTherapy, sedation, opioidSedation, withheld, painDiary, neurotomyPlanned, injectate);
    }

    // Values. Each says what the schema validator would say of a value of the wrong type or not in an enum.

    private String string(JsonNode v, At at, String key) {
        if (v.isTextual()) {
            return v.textValue();
        }
        wrongType(v, "string", at, key);
        return null;
    }

    private List<String> strings(JsonNode v, At at) {
        if (!array(v, at)) {
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isTextual()) {
                out.add(e.textValue());
            } else {
                problems.add(new Problem(at.index(i).path(), found(e) + " found, string expected"));
            }
        }
        return out;
    }

    /** A whole number as the schema's "integer" takes it: 5 or 5.0, within what an int holds. */
    private Integer integer(JsonNode v, At at, String key) {
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isFloatingPointNumber()) {
            double d = v.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        if (v.isIntegralNumber()) {
            problems.add(new Problem(at.key(key).path(), "a whole number within range (this one is too large to read)"));
        } else {
            wrongType(v, "integer", at, key);
        }
        return null;
    }

    /** Non-finite numbers never get here: {@link NumberCheck} refuses them first. */
    private Double number(JsonNode v, At at, String key) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        wrongType(v, "number", at, key);
        return null;
    }

    private Boolean bool(JsonNode v, At at, String key) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        wrongType(v, "boolean", at, key);
        return null;
    }

    private <E extends Enum<E>> E value(JsonEnum<E> values, JsonNode v, At at, String key) {
        E e = v.isTextual() ? values.get(v.textValue()) : null;
        if (e == null) {
            notOneOf(values.listed(), at, key);
        }
        return e;
    }

    private String value(List<String> values, JsonNode v, At at, String key) {
        if (v.isTextual() && values.contains(v.textValue())) {
            return v.textValue();
        }
        notOneOf(values.stream().map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]")), at, key);
        return null;
    }

    private boolean object(JsonNode n, At at) {
        if (n.isObject()) {
            return true;
        }
        problems.add(new Problem(at.path(), found(n) + " found, object expected"));
        return false;
    }

    private boolean array(JsonNode n, At at) {
        if (n.isArray()) {
            return true;
        }
        problems.add(new Problem(at.path(), found(n) + " found, array expected"));
        return false;
    }

    private void wrongType(JsonNode v, String expected, At at, String key) {
        problems.add(new Problem(at.key(key).path(), found(v) + " found, " + expected + " expected"));
    }

    private void notOneOf(String listed, At at, String key) {
        problems.add(new Problem(at.key(key).path(), "does not have a value in the enumeration " + listed));
    }

    private void required(boolean missing, At at, String key) {
        if (missing) {
            problems.add(new Problem(at.path() + "." + key, "is required"));
        }
    }

    private void unknown(At at, String key) {
        problems.add(new Problem(at.path() + "." + Problem.key(key), "is not a field of the case-file format (see case-file.schema.json)"));
    }

    /** The JSON type of a value, in the validator's words. */
    private static String found(JsonNode v) {
        return switch (v.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }

    /**
     * Where a value is, as a chain built on the way down and spelt out ("$.items[0].levels") only for a
     * problem: most cases have none, and building every path costs more than binding the fields.
     */
    private record At(At parent, String name, int index) {
        static final At ROOT = new At(null, null, -1);

        At key(String key) {
            return new At(this, key, -1);
        }

        At index(int i) {
            return new At(this, null, i);
        }

        String path() {
            if (parent == null) {
                return "$";
            }
            return parent.path() + (name != null ? "." + Problem.key(name) : "[" + index + "]");
        }
    }
}
