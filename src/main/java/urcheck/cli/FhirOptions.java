package urcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.fhir.FhirCaseReader;

/**
 * check's FHIR input: each FILE a FHIR R4 Bundle mapped to a case file (README "FHIR"). HAPI FHIR is
 * loaded only when --fhir is given: this class names no HAPI type, so a plain check never loads it.
 */
final class FhirOptions {

    private static final List<String> JURISDICTIONS = List.of("california", "texas", "other");

    @Option(names = "--fhir", description = "Each FILE is a FHIR R4 Bundle (JSON): its draft and active ServiceRequests "
            + "are the request, its Conditions, Observations, Procedures, medications and care plans the record.")
    boolean fhir;

    @Option(names = "--jurisdiction", paramLabel = "JURISDICTION",
            description = "With --fhir: california, texas or other, for a Bundle whose Coverage states no jurisdiction "
                    + "(us-core-jurisdiction extension).")
    String jurisdiction;

    @Option(names = "--show-mapping", description = "With --fhir: print the case file (JSON, case-file.schema.json) each "
            + "Bundle maps to, instead of checking it: what urcheck understood from the FHIR data.")
    boolean showMapping;

    /** What is wrong with these options, or null. */
    String problem() {
        if ((jurisdiction != null || showMapping) && !fhir) {
            return (showMapping ? "--show-mapping" : "--jurisdiction") + " applies to --fhir input only";
        }
        if (jurisdiction != null && !fhir) {
            return "--jurisdiction applies to --fhir input only (a case file states its jurisdiction)";
        }
        if (jurisdiction != null && !JURISDICTIONS.contains(jurisdiction)) {
            return "--jurisdiction " + jurisdiction + ": expected one of " + String.join(", ", JURISDICTIONS);
        }
        return null;
    }

    /** With --fhir, starts reading the Bundles' FHIR on another thread while the rule base compiles. */
    void startReading(List<Path> files) {
        if (fhir) {
            Thread t = new Thread(() -> FhirCaseReader.preload(files), "fhir-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    CaseFile read(Checker checker, Path file) throws InvalidCaseFileException {
        return new FhirCaseReader(checker.reader()).readBundle(file, jurisdiction).caseFile();
    }

    /** Prints the case-file JSON each Bundle maps to (read and checked against the schema like any case file). */
    int showMappings(Checker checker, List<Path> files, PrintWriter out, PrintWriter err) {
        List<String> mapped = new ArrayList<>();
        int invalid = 0;
        for (Path f : files) {
            try {
                mapped.add(AnswerJson.pretty(new FhirCaseReader(checker.reader()).readBundle(f, jurisdiction).caseFileJson()));
            } catch (InvalidCaseFileException e) {
                err.println(urcheck.answer.TextReport.printable(e.report()));
                invalid++;
            }
        }
        if (invalid > 0) {
            err.println("urcheck: " + invalid + " of " + files.size() + " FHIR file(s) are not valid; nothing was mapped.");
            return ExitCode.BAD_INPUT;
        }
        out.println(mapped.size() == 1 ? mapped.get(0) : "[" + String.join(",\n", mapped) + "]");
        out.flush();
        return ExitCode.CHECKED;
    }
}
