package urcheck.casefile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads case files, in four phases. Each is a public method, so that a benchmark can call them one after
 * another and time each (docs/speed.md lists them under these names):
 * <ol>
 *   <li>{@link #parse parse}: bytes to a JSON tree (syntax, duplicate keys, one value per file);</li>
 *   <li>{@link #validate validate}: numbers beyond a double's range, then the published schema
 *       (case-file.schema.json);</li>
 *   <li>{@link #bind bind}: the tree to a {@link CaseFileDto}, field by field (types, enum values, required
 *       fields, field names: {@link CaseFileBinder});</li>
 *   <li>{@link #assemble assemble}: the DTO to {@link CaseFacts}, with what a schema cannot say (levels that
 *       name real joints, item references, codes that fit the service, real dates in order:
 *       {@link FactAssembler}).</li>
 * </ol>
 * {@link #read(String, byte[])} runs all four, and is what every interface calls. {@link #readTrusted} leaves
 * out the schema (not the number check) for {@code check --batch --trusted-input} only: binding and assembly
 * still refuse what they cannot read. Every problem is reported with its field path; none of the file's
 * clinical content is logged. Thread-safe.
 */
public final class CaseFileReader {

    public static final String SCHEMA_RESOURCE = "/urcheck/case-file.schema.json";

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Schema schema;
    private final SchemaFastPath fastPath;
    private final Set<String> editions;
    private final java.util.Map<String, ProcedureCodes.Code> codes;
    private final DiagnosisCodes diagnosisCodes;
    private final ProcedureCodes procedureCodes;

    /** The compiled schema, shared: it is immutable and compiling it costs start-up time. */
    private static Schema shared;
    /** The quick "certainly valid" read from the same schema; null if the schema uses what it does not read. */
    private static SchemaFastPath sharedFastPath;

    /**
     * @param editions the ODG editions the knowledge base knows, for checking {@code odgEdition}
     * @param codes    the procedure codes items may name
     * @param diagnosisCodes what the ICD-10-CM codes of clinical.diagnoses stand for
     */
    public CaseFileReader(Set<String> editions, ProcedureCodes codes, DiagnosisCodes diagnosisCodes) {
        this.diagnosisCodes = diagnosisCodes;
        this.editions = Set.copyOf(editions);
        this.codes = codes.byCode();
        this.procedureCodes = codes;
        this.schema = compiledSchema();
        this.fastPath = sharedFastPath;
    }

    /** Compiles the schema now (start-up does it while the rule base builds on another core). */
    public static void prepare() {
        compiledSchema();
    }

    private static synchronized Schema compiledSchema() {
        if (shared == null) {
            try (InputStream in = CaseFileReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the case-file schema is missing from the build: " + SCHEMA_RESOURCE);
                }
                shared = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
                sharedFastPath = SchemaFastPath.compile(new ObjectMapper().readTree(schemaText()), new ArrayList<>());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the case-file schema: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public static String schemaText() {
        try (InputStream in = CaseFileReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the case-file schema is missing from the build", e);
        }
    }

    public CaseFile read(Path file) throws InvalidCaseFileException {
        return read(file.toString(), InputFile.read(file));
    }

    /** Reads one case from bytes; {@code name} is how errors refer to it (a file name, "line 12"). */
    public CaseFile read(String name, byte[] bytes) throws InvalidCaseFileException {
        return read(name, parse(name, bytes));
    }

    /** Reads one case already parsed (a case of a JSON-array batch, a draft the extractor built). */
    public CaseFile read(String name, JsonNode tree) throws InvalidCaseFileException {
        validate(name, tree);
        return assemble(name, bind(name, tree));
    }

    /**
     * Reads one case without the schema validation step, for {@code check --batch --trusted-input} only (cases
     * from a system the user trusts): numbers out of range, wrong types, unknown enum values, missing or
     * unknown fields are still refused by the number check and the binding, and levels, dates, codes and item
     * references by assembly; ranges, lengths and patterns the schema sets are not checked. Never offered
     * over HTTP: the server reads with {@link #read(String, byte[])}.
     */
    public CaseFile readTrusted(String name, byte[] bytes) throws InvalidCaseFileException {
        JsonNode tree = parse(name, bytes);
        numbersInRange(name, tree);
        return assemble(name, bind(name, tree));
    }

    /** Phase 1: the bytes as a JSON tree; malformed JSON is refused with where (line, column), not what. */
    public JsonNode parse(String name, byte[] bytes) throws InvalidCaseFileException {
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidCaseFileException(name, List.of(new Problem("$", where
                    + "malformed JSON (" + withoutContent(e.getOriginalMessage()) + ")")));
        } catch (IOException e) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "cannot be read")));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "empty file; expected a JSON object")));
        }
        return tree;
    }

    /** Phase 2: numbers within a double's range, then the case-file schema; every problem found, sorted by path. */
    public void validate(String name, JsonNode tree) throws InvalidCaseFileException {
        numbersInRange(name, tree);
        if (fastPath != null && fastPath.accepts(tree)) {
            // Certainly valid (SchemaFastPath says so only then); anything else goes to the validator for its words.
            return;
        }
        List<Problem> problems = new ArrayList<>();
        try {
            for (Error e : schema.validate(tree)) {
                problems.add(schemaProblem(e));
            }
        } catch (RuntimeException e) {
            // The validator's own fault on some value it did not expect: still the input's problem, said by class only.
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "could not be checked against the "
                    + "case-file schema (" + e.getClass().getSimpleName() + "); see case-file.schema.json")));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
            throw new InvalidCaseFileException(name, problems);
        }
    }

    /**
     * Numbers past a double's range (1e400) read as Infinity, which the schema validator cannot compare with an
     * enum or a maximum and which no field can mean: refused by path before anything else looks at the tree.
     */
    private static void numbersInRange(String name, JsonNode tree) throws InvalidCaseFileException {
        List<Problem> problems = new ArrayList<>(0);
        NumberCheck.nonFinite(tree, "$", problems);
        if (!problems.isEmpty()) {
            throw new InvalidCaseFileException(name, problems);
        }
    }

    /** Phase 3: the tree bound to the case file's fields. After {@link #validate} it refuses nothing. */
    public CaseFileDto bind(String name, JsonNode tree) throws InvalidCaseFileException {
        List<Problem> problems = new ArrayList<>(0);
        CaseFileDto dto = CaseFileBinder.bind(tree, problems);
        if (dto == null) {
            throw new InvalidCaseFileException(name, problems);
        }
        return dto;
    }

    /** Phase 4: the facts the rules read, or every problem a schema cannot see (levels, dates, codes, item links). */
    public CaseFile assemble(String name, CaseFileDto dto) throws InvalidCaseFileException {
        FactAssembler assembler = new FactAssembler(editions, codes, diagnosisCodes);
        CaseFacts facts = assembler.assemble(dto);
        if (!assembler.problems().isEmpty()) {
            throw new InvalidCaseFileException(name, assembler.problems());
        }
        return new CaseFile(name, facts, dto.expected());
    }

    /** Jackson quotes the offending token ("Unrecognized token 'numbness'"): words from a record stay out. */
    static String withoutContent(String parserMessage) {
        return parserMessage.replaceAll("'[^']{2,}'", "'...'").replaceAll("\\s+", " ");
    }

    private static Problem schemaProblem(Error e) {
        String path = jsonPath(e.getInstanceLocation().toString());
        String msg = e.getMessage();
        if (msg.startsWith(path + ": ")) {
            msg = msg.substring(path.length() + 2);
        }
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            return new Problem(path + "." + e.getProperty(), "is required");
        }
        if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
            return new Problem(path + "." + Problem.key(e.getProperty()), "is not a field of the case-file format (see case-file.schema.json)");
        }
        return new Problem(path, msg);
    }

    /** "/items/0/service" (the validator's JSON Pointer) as "$.items[0].service", the form every error uses. */
    static String jsonPath(String location) {
        if (location.startsWith("$")) {
            return location;
        }
        StringBuilder s = new StringBuilder("$");
        for (String part : location.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            s.append(name.matches("\\d+") ? "[" + name + "]" : "." + Problem.key(name));
        }
        return s.toString();
    }

    /** Whether validation has its fast path (the schema uses only keywords {@link SchemaFastPath} reads). */
    boolean hasFastPath() {
        return fastPath != null;
    }

    /** The CPT table this reader checks codes against (rules/procedure-codes.json); the FHIR mapping reads it too. */
    public ProcedureCodes procedureCodes() {
        return procedureCodes;
    }
}
