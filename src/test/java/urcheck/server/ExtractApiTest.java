package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import urcheck.extract.TestPdfs;

/** Issue 10, item 4: POST /v1/extract over HTTP, text and PDF, and what it refuses. */
class ExtractApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNoteAnswersTheSameDraftAsTheCommandLine() throws Exception {
        Path note = Path.of("fixtures/notes/10-rfa-repeat.txt");
        HttpResponse<String> r = RunningServer.post("/v1/extract?caseId=10-rfa-repeat", "text/plain; charset=utf-8",
                Files.readAllBytes(note));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        JsonNode http = JSON.readTree(r.body());
        JsonNode cli = JSON.readTree(RunningServer.cli("extract", note.toString()));
        assertEquals(cli.get("items"), http.get("items"));
        assertEquals(cli.get("priorProcedures"), http.get("priorProcedures"));
        assertEquals("request body", http.at("/extraction/files/0").asText(), "the note has no file name over HTTP");
    }

    @Test
    void aPdfIsRead() throws Exception {
        byte[] pdf = TestPdfs.text(List.of("Exam: Tenderness over the bilateral L4-5 facets.",
                "Plan: Request bilateral L4-5 medial branch block with IV sedation."));
        HttpResponse<String> r = RunningServer.post("/v1/extract", "application/pdf", pdf);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode draft = JSON.readTree(r.body());
        assertEquals("present", draft.at("/clinical/facetTenderness/status").asText());
        assertEquals("iv_sedation", draft.at("/items/1/service").asText());
    }

    @Test
    void whatCannotBeReadIs422AndNeverQuoted() throws Exception {
        HttpResponse<String> scan = RunningServer.post("/v1/extract", "application/pdf", TestPdfs.scanned(1));
        assertEquals(422, scan.statusCode());
        assertTrue(scan.body().contains("no text layer"), scan.body());
        HttpResponse<String> locked = RunningServer.post("/v1/extract", "application/pdf",
                TestPdfs.encrypted(List.of("Jane Roe, request L4-5 MBB.")));
        assertEquals(422, locked.statusCode());
        assertTrue(locked.body().contains("encrypted PDF"), locked.body());
        assertFalse(locked.body().contains("Roe"));
        HttpResponse<String> nothing = RunningServer.post("/v1/extract", "text/plain", "Jane Roe fell at work.");
        assertEquals(422, nothing.statusCode());
        assertFalse(nothing.body().contains("Roe") || nothing.body().contains("fell"), nothing.body());
        HttpResponse<String> junk = RunningServer.post("/v1/extract", "text/plain", new byte[] {(byte) 0xC3, 0x28, 0, 1});
        assertEquals(422, junk.statusCode());
    }

    @Test
    void otherMediaTypesAre415() throws Exception {
        assertEquals(415, RunningServer.post("/v1/extract", "application/json", "{}").statusCode());
        assertEquals(415, RunningServer.post("/v1/extract", "text/plain; charset=iso-8859-1", "Plan: MBB").statusCode());
        assertEquals(400, RunningServer.post("/v1/extract?jurisdiction=mars", "text/plain",
                "Plan: Request bilateral L4-5 medial branch block.").statusCode());
    }
}
