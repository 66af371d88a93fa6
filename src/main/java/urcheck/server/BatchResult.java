package urcheck.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import urcheck.answer.CaseAnswer;

/**
 * One case of a batch: its place in the request ({@code index} from 0; {@code line} from 1 for NDJSON), its
 * {@code caseId} when one could be read, and either the answer (status 200) or the problem (status 400).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"index", "line", "caseId", "status", "answer", "problem"})
public record BatchResult(int index, Integer line, String caseId, int status, CaseAnswer answer,
                          ProblemDetails problem) {
}
