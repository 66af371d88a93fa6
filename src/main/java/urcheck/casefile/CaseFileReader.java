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
 * Reads case files: JSON syntax, then the published schema (case-file.schema.json), then what a schema
 * cannot say (levels that name real joints, item references, real dates). Every problem is reported
 * with its field path; none of the file's clinical content is logged.
 */
public final class CaseFileReader {

    public static final String SCHEMA_RESOURCE = "/urcheck/case-file.schema.json";

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Schema schema;
    private final Set<String> editions;
    private final java.util.Map<String, ProcedureCodes.Code> codes;
    private final DiagnosisCodes diagnosisCodes;
    private final ProcedureCodes procedureCodes;

    /** The compiled schema, shared: it is immutable and compiling it costs start-up time. */
    private static Schema shared;

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
        String name = file.toString();
        return read(name, bytesOf(file));
    }

    /** A file's bytes, or why it cannot be had, in words (a folder, a missing file, no permission). */
    public static byte[] bytesOf(Path file) throws InvalidCaseFileException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$",
                    "is a folder, not a case file: name the files in it (for example " + file.resolve("*.json") + ")")));
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "no such file")));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "cannot be read: permission denied")));
        } catch (IOException e) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "cannot be read ("
                    + e.getClass().getSimpleName() + ")")));
        }
    }

    /** Reads one case from bytes; {@code name} is how errors refer to it (a file name, "line 12"). */
    public CaseFile read(String name, byte[] bytes) throws InvalidCaseFileException {
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
        return read(name, tree);
    }

    public CaseFile read(String name, JsonNode tree) throws InvalidCaseFileException {
        List<Problem> problems = new ArrayList<>();
        for (Error e : schema.validate(tree)) {
            problems.add(schemaProblem(e));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
            throw new InvalidCaseFileException(name, dedupe(problems));
        }
        CaseFileDto dto;
        try {
            dto = json.treeToValue(tree, CaseFileDto.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "does not fit the case-file format: "
                    + e.getOriginalMessage())));
        }
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
            return new Problem(path + "." + e.getProperty(), "is not a field of the case-file format (see case-file.schema.json)");
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
            s.append(name.matches("\\d+") ? "[" + name + "]" : "." + name);
        }
        return s.toString();
    }

    private static List<Problem> dedupe(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The CPT table this reader checks codes against (rules/procedure-codes.json); the FHIR mapping reads it too. */
    public ProcedureCodes procedureCodes() {
        return procedureCodes;
    }
}
