package urcheck.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import urcheck.casefile.CaseFile;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/**
 * The cases to evaluate: case files (.json), JSONL files (one case per line) and folders of either,
 * walked in path order so the report is the same on every run. Streams: one case at a time.
 */
public final class LabelledCases {

    /** Receives each case read, or the reason it could not be. */
    public interface Visitor {
        void read(CaseFile file);

        void invalid(InvalidCaseFileException e);

        /** A file met while walking a folder that is a FHIR document, not a case file: listed, not judged. */
        void notACaseFile(Path file, String what);
    }

    private final CaseFileReader reader;

    public LabelledCases(CaseFileReader reader) {
        this.reader = reader;
    }

    public void visit(List<Path> paths, Visitor visitor) throws IOException {
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : filesUnder(p)) {
                    String fhir = f.toString().endsWith(".json") ? fhirDocument(f) : null;
                    if (fhir != null) {
                        visitor.notACaseFile(f, fhir);
                    } else {
                        visitFile(f, visitor);
                    }
                }
            } else {
                visitFile(p, visitor);
            }
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> out = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
                    .sorted().forEach(out::add);
            return out;
        }
    }

    /**
     * What FHIR document a file is (fixtures/fhir holds Bundles and CDS Hooks requests beside the case
     * files), or null for anything else, which is then read, and judged, as a case file.
     */
    private static String fhirDocument(Path f) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = FHIR_PEEK.readTree(f.toFile());
            if (tree != null && tree.has("resourceType")) {
                return "a FHIR " + tree.get("resourceType").asText() + ", not a case file: check it with check --fhir";
            }
            if (tree != null && tree.has("hook") && tree.has("context")) {
                return "a CDS Hooks request, not a case file: run it with cds-hooks";
            }
        } catch (IOException e) {
            return null; // not JSON: the case-file reader reports it properly
        }
        return null;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper FHIR_PEEK = new com.fasterxml.jackson.databind.ObjectMapper();

    private void visitFile(Path f, Visitor visitor) throws IOException {
        if (!f.toString().endsWith(".jsonl")) {
            try {
                visitor.read(reader.read(f));
            } catch (InvalidCaseFileException e) {
                visitor.invalid(e);
            }
            return;
        }
        BufferedReader lines;
        try {
            lines = Files.newBufferedReader(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            visitor.invalid(new InvalidCaseFileException(f.toString(), List.of(new Problem("$", "no such file"))));
            return;
        }
        try (lines) {
            long n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    visitor.read(reader.read(f + ": line " + n, line.getBytes(StandardCharsets.UTF_8)));
                } catch (InvalidCaseFileException e) {
                    visitor.invalid(e);
                }
            }
        }
    }
}
