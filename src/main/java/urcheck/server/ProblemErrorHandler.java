package urcheck.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import urcheck.answer.AnswerJson;

/**
 * Errors Jetty answers itself, before a request reaches the routes (a malformed request line, an illegal
 * path, headers too large): as problem+json like every other error, never Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        byte[] body = body(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int code) {
        String title = HttpStatus.getMessage(code);
        // Jetty's own reason may quote the request; the status says enough.
        String detail = code == 431 ? "The request headers are too large."
                : code >= 500 ? "The server could not handle the request."
                : "The HTTP request is malformed: " + title + ".";
        // Compact, as every route answers by default: a request Jetty refuses never reached ?pretty.
        return AnswerJson.body(ProblemDetails.ofStatus(code, title, detail, null), false);
    }
}
