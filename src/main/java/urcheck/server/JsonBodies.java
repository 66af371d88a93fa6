package urcheck.server;

import io.javalin.http.Context;
import java.util.List;
import urcheck.answer.AnswerJson;

/**
 * How every route writes JSON (docs/api.md): compact (one line) by default, the fastest to write and the smallest to
 * send; indented, as {@code check --json} prints it, when the request asks with {@code ?pretty} (or
 * {@code ?pretty=true}); {@code ?pretty=false} is the default said aloud. Documents served as stored (the OpenAPI
 * document, the schema, the questions) are not rewritten.
 */
final class JsonBodies {

    static final String PARAM = "pretty";

    private JsonBodies() {
    }

    /** Refuses a {@code pretty} that is neither absent, empty, true nor false (before every route). */
    static void check(Context ctx) {
        List<String> values = ctx.queryParams(PARAM);
        if (values.size() > 1 || values.size() == 1 && parse(values.get(0)) == null) {
            throw new ProblemException(new ProblemDetails("about:blank", "Bad Request", 400,
                    "The pretty query parameter takes no value, true or false (?pretty indents the JSON).", ctx.path(),
                    List.of(new ProblemDetails.FieldError("?pretty", "expected no value, true or false"))));
        }
    }

    /** Whether the request asked for indented JSON; a value {@link #check} refuses counts as no. */
    static boolean pretty(Context ctx) {
        List<String> values = ctx.queryParams(PARAM);
        return values.size() == 1 && Boolean.TRUE.equals(parse(values.get(0)));
    }

    private static Boolean parse(String value) {
        return switch (value) {
            case "", "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** The JSON of {@code value} and a line break, compact or as the request asked. */
    static byte[] of(Context ctx, Object value) {
        return AnswerJson.body(value, pretty(ctx));
    }

    static void send(Context ctx, int status, String contentType, Object value) {
        CheckApi.sendBytes(ctx, status, contentType, of(ctx, value));
    }
}
