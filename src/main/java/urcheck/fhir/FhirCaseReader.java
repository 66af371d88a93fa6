package urcheck.fhir;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import urcheck.casefile.CaseFile;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/**
 * Reads FHIR R4 into a checkable case: strict FHIR parsing, the mapping to a case-file JSON tree, and then
 * the same reader (schema and all) as any case file, so there is one model and one validation. Every
 * problem names the FHIR resource and element it is about.
 */
public final class FhirCaseReader {

    /** JSON as FHIR needs it: decimals kept exact, duplicate keys and trailing junk refused. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final CaseFileReader reader;
    private final CptTable cpt;

    public FhirCaseReader(CaseFileReader reader) {
        this.reader = reader;
        this.cpt = new CptTable(reader.procedureCodes());
    }

    /**
     * A FHIR R4 Bundle file: its draft and active ServiceRequests are the request, the rest is the record.
     * @param defaultJurisdiction california, texas or other, used when no Coverage states one; may be null
     */
    public FhirCase readBundle(Path file, String defaultJurisdiction) throws InvalidCaseFileException {
        String name = file.toString();
        byte[] bytes = urcheck.casefile.CaseFileReader.bytesOf(file);
        JsonNode tree = parseJson(name, bytes);
        RecordReader rr = new RecordReader(name).bundle(tree, "Bundle");
        String caseId = tree.path("id").asText("");
        if (caseId.isEmpty()) {
            caseId = tree.path("identifier").path("value").asText("");
        }
        if (caseId.isEmpty()) {
            caseId = file.getFileName().toString();
        }
        return read(rr, caseId, defaultJurisdiction, "Bundle");
    }

    /** The request read by a {@link RecordReader} (a Bundle, or a CDS Hooks request's draft orders and prefetch). */
    public FhirCase read(RecordReader input, String caseId, String defaultJurisdiction, String at) throws InvalidCaseFileException {
        String name = input.record().name();
        if (!input.problems().isEmpty()) {
            throw new InvalidCaseFileException(name, input.problems());
        }
        FhirCaseMapper.Mapped m = FhirCaseMapper.map(input.record(), caseId, defaultJurisdiction, at, cpt);
        if (!m.draft().problems.isEmpty()) {
            throw new InvalidCaseFileException(name, m.draft().problems);
        }
        CaseFile caseFile;
        try {
            caseFile = reader.read(name, m.draft().root);
        } catch (InvalidCaseFileException e) {
            throw new InvalidCaseFileException(name, m.draft().provenance.translate(e.problems(), at));
        }
        return new FhirCase(caseFile, m.draft().root, m.orders(), m.coverage(), input.record().notFetched(), m.jurisdictionStated());
    }

    /**
     * Reads the files' FHIR once and throws the result away: HAPI learns the R4 model types on first use
     * (about a second or more), and doing that on another core while the rule base compiles hides it.
     */
    public static void preload(List<Path> files) {
        for (Path f : files) {
            try {
                new RecordReader("preload").bundle(parseJson(f.toString(), Files.readAllBytes(f)), "Bundle");
            } catch (IOException | InvalidCaseFileException | RuntimeException e) {
                // the real read reports whatever is wrong with the file
            }
        }
    }

    /**
     * Teaches HAPI the R4 types urcheck reads, so that the first real request does not pay for it (a
     * second or more, once per process). A server calls this at start-up.
     */
    public static void warmUp() {
        try (java.io.InputStream in = FhirCaseReader.class.getResourceAsStream("/urcheck/fhir-warm-up.json")) {
            if (in == null) {
                throw new IllegalStateException("the FHIR warm-up bundle is missing from the build");
            }
            RecordReader r = new RecordReader("warm-up").bundle(parseJson("warm-up", in.readAllBytes()), "Bundle");
            if (!r.problems().isEmpty()) {
                throw new IllegalStateException("the FHIR warm-up bundle does not read: " + r.problems());
            }
            FhirR4.toJson(r.record().orders().get(0).resource());
        } catch (IOException | InvalidCaseFileException e) {
            throw new IllegalStateException("cannot read the FHIR warm-up bundle", e);
        }
    }

    /**
     * Whether any of the orders is a service urcheck checks: a facet procedure, massage, or an additional
     * level of one. Fluoroscopy or sedation alone goes with some procedure urcheck does not check.
     */
    public boolean ordersAnyCheckedService(PatientRecord record) {
        return record.orders().stream().anyMatch(o -> OrderMapper.checkedOnItsOwn(OrderMapper.kindOf(o.resource(), cpt)));
    }

    /** JSON text -> tree, or the problem with its line and column. */
    public static JsonNode parseJson(String name, byte[] bytes) throws InvalidCaseFileException {
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidCaseFileException(name, List.of(new Problem("$", "empty; expected a JSON object")));
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidCaseFileException(name, List.of(new Problem("$", where + "malformed JSON ("
                    + e.getOriginalMessage().replaceAll("\\s+", " ") + ")")));
        } catch (IOException e) {
            throw new InvalidCaseFileException(name, List.of(new Problem("$", "cannot be read")));
        }
    }
}
