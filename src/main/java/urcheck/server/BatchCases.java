package urcheck.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import urcheck.casefile.CaseFile;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;

/**
 * Splits a batch body into its cases: a JSON array of case files, or NDJSON (one case file per line, blank
 * lines skipped). A case that cannot be read is that case's problem, not the batch's; only a body that is not
 * a batch at all (malformed array, not an array, no cases, too many) is refused as a whole.
 */
final class BatchCases {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One case of the batch as it came, not yet read: a JSON value (array) or a line's bytes (NDJSON). */
    record Entry(int index, Integer line, JsonNode tree, byte[] bytes) {

        String name() {
            return line != null ? "line " + line : "case [" + index + "]";
        }

        /** The case's own id when the entry has a readable one, to help callers match answers to requests. */
        String caseId() {
            JsonNode node = tree;
            if (node == null) {
                try {
                    node = STRICT.readTree(bytes);
                } catch (IOException e) {
                    return null;
                }
            }
            JsonNode id = node == null ? null : node.get("caseId");
            return id != null && id.isTextual() && id.textValue().length() <= 200 ? id.textValue() : null;
        }

        CaseFile read(CaseFileReader reader) throws InvalidCaseFileException {
            if (tree != null) {
                return reader.read(name(), tree);
            }
            if (line == null) {
                // An element of a JSON array, kept as its bytes: parsed now, as the whole array used to be parsed.
                JsonNode element;
                try {
                    element = STRICT.readTree(bytes);
                } catch (IOException e) {
                    throw new IllegalStateException("an array element that scanned as JSON does not parse", e);
                }
                return reader.read(name(), element);
            }
            return reader.read(name(), bytes);
        }
    }

    private BatchCases() {
    }

    static List<Entry> split(byte[] body, String mediaType, int maxCases, String instance) {
        List<Entry> entries = NDJSON.equals(mediaType) ? lines(body, maxCases, instance) : array(body, maxCases, instance);
        if (entries.isEmpty()) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request",
                    "The batch has no cases: send a JSON array of case files, or NDJSON with one case file per line.",
                    instance));
        }
        return entries;
    }

    /**
     * The elements of a JSON array as their bytes, found with the streaming parser (which checks the syntax and
     * duplicate keys as it goes): each is parsed when its case is checked, so a batch never holds the trees of all
     * its cases (a 16 MiB array made a tree of several times that). A body the scan cannot take (malformed, not an
     * array, trailing content) is read whole as before, so that it is refused with the same words.
     */
    private static List<Entry> array(byte[] body, int maxCases, String instance) {
        List<Entry> entries = new ArrayList<>();
        int count = 0;
        try (JsonParser p = STRICT.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return wholeArray(body, maxCases, instance);
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    return wholeArray(body, maxCases, instance);
                }
                long from = p.currentTokenLocation().getByteOffset();
                if (t.isStructStart()) {
                    p.skipChildren();
                } else {
                    p.finishToken(); // a string is read lazily: to its closing quote now
                }
                long to = p.currentLocation().getByteOffset();
                if (count++ < maxCases) {
                    entries.add(new Entry(entries.size(), null, null, Arrays.copyOfRange(body, (int) from, (int) to)));
                }
            }
            if (p.nextToken() != null) {
                return wholeArray(body, maxCases, instance);
            }
        } catch (IOException e) {
            return wholeArray(body, maxCases, instance);
        }
        if (count > maxCases) {
            throw tooMany(String.valueOf(count), maxCases, instance);
        }
        return entries;
    }

    /** The array read as one tree: the refusals with their words (and, should the scan ever fail on a good body, the cases). */
    private static List<Entry> wholeArray(byte[] body, int maxCases, String instance) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request",
                    "The batch is not valid JSON (" + where + "malformed JSON). Send a JSON array of case files, "
                            + "or NDJSON (Content-Type: application/x-ndjson) to have each line read on its own.",
                    instance));
        } catch (IOException e) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request", "The batch could not be read.", instance));
        }
        if (tree == null || !tree.isArray()) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request",
                    "A batch is a JSON array of case files (or NDJSON, one per line); got "
                            + (tree == null || tree.isMissingNode() ? "an empty body" : "a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT))
                            + ". For one case file use POST /v1/check.", instance));
        }
        if (tree.size() > maxCases) {
            throw tooMany(String.valueOf(tree.size()), maxCases, instance);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            entries.add(new Entry(i, null, tree.get(i), null));
        }
        return entries;
    }

    private static List<Entry> lines(byte[] body, int maxCases, String instance) {
        List<Entry> entries = new ArrayList<>();
        int line = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                line++;
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!blank(body, start, end)) {
                    if (entries.size() == maxCases) {
                        throw tooMany("more than " + maxCases, maxCases, instance);
                    }
                    entries.add(new Entry(entries.size(), line, null, Arrays.copyOfRange(body, start, end)));
                }
                start = i + 1;
            }
        }
        return entries;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static ProblemException tooMany(String count, int maxCases, String instance) {
        return new ProblemException(ProblemDetails.ofStatus(413, "Content Too Large",
                "The batch has " + count + " cases; one call takes at most " + maxCases + ". Split it into several calls.",
                instance));
    }
}
