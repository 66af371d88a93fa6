package urcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CaseAnswer;
import urcheck.answer.TextReport;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.extract.Evidence;
import urcheck.extract.Extraction;

/** check --text: a record read into a draft and checked in one go; the answer ends with the quote behind each fact. */
final class TextCheck {

    private TextCheck() {
    }

    static int run(Checker checker, RulesOption rules, List<Path> files, String edition, boolean json, PrintWriter out,
                   PrintWriter err) {
        urcheck.extract.NoteExtractor extractor = ExtractCommand.extractor(rules, err);
        Extraction draft = extractor == null ? null : ExtractCommand.extract(checker, extractor, files, null, "california", err);
        if (draft == null) {
            return ExitCode.BAD_INPUT;
        }
        CaseFile c;
        try {
            c = checker.reader().read(files.get(0).toString(), (JsonNode) draft.caseFile());
        } catch (InvalidCaseFileException e) {
            err.println(e.report());
            return ExitCode.INTERNAL_ERROR; // the extractor promises a draft that reads
        }
        CaseAnswer answer = checker.answer(c, edition);
        if (json) {
            ObjectNode both = JsonNodeFactory.instance.objectNode();
            try {
                both.set("answer", new com.fasterxml.jackson.databind.ObjectMapper().readTree(AnswerJson.compact(answer)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            both.set("caseFile", draft.caseFile());
            out.println(AnswerJson.pretty(both));
        } else {
            out.print(TextReport.render(answer, c.source()));
            out.println();
            out.println("Read from the record (a draft: [REVIEW] marks what a person must look at):");
            for (Evidence e : draft.evidence()) {
                if (e.quote() == null) {
                    continue;
                }
                out.println("  " + e.path() + " = " + e.value() + (e.needsReview() ? "  [REVIEW: " + e.why() + "]" : ""));
                out.println("      \"" + e.quote() + "\"  (" + e.file() + " " + e.start() + "-" + e.end() + ")");
            }
        }
        out.flush();
        return ExitCode.CHECKED;
    }
}
