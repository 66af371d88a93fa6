package urcheck.server;

import io.javalin.http.Context;
import java.util.List;
import urcheck.Checker;
import urcheck.extract.Extraction;
import urcheck.extract.NoRequestException;
import urcheck.extract.NoteExtractor;
import urcheck.extract.RecordReader;
import urcheck.extract.RecordText;
import urcheck.extract.UnreadableRecordException;

/**
 * POST /v1/extract: a note or request (text/plain or application/pdf) in, the draft case file with its
 * evidence out, as {@code urcheck extract} writes it. The note is patient data: it is read in memory,
 * answered and dropped; nothing of it is logged or kept, and errors never quote it.
 */
final class ExtractApi {

    static final String TEXT = "text/plain";
    static final String PDF = "application/pdf";
    /** The record reader's own limit: a bigger body is refused before it is read. */
    static final long BODY_LIMIT = RecordReader.MAX_BYTES;

    private final Checker checker;
    private final NoteExtractor extractor = new NoteExtractor();

    ExtractApi(Checker checker) {
        this.checker = checker;
    }

    void extract(Context ctx) {
        byte[] body = RequestBody.read(ctx, List.of(TEXT, PDF), BODY_LIMIT);
        String jurisdiction = ctx.queryParam("jurisdiction");
        if (jurisdiction != null && !List.of("california", "texas", "other").contains(jurisdiction)) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request",
                    "The jurisdiction query parameter takes one of: california, texas, other.", ctx.path()));
        }
        String caseId = ctx.queryParam("caseId");
        if (caseId == null || caseId.isBlank() || caseId.length() > 200) {
            caseId = "note";
        }
        RecordText text;
        Extraction draft;
        try {
            text = RecordReader.read("request body", body);
            draft = extractor.extract(List.of(text), caseId, jurisdiction == null ? "california" : jurisdiction, checker.reader());
        } catch (UnreadableRecordException | NoRequestException e) {
            throw new ProblemException(ProblemDetails.ofStatus(422, "Unprocessable Content", e.getMessage(), ctx.path()));
        }
        JsonBodies.send(ctx, 200, CheckApi.JSON, draft.caseFile());
    }
}
