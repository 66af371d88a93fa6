package urcheck.server;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on stderr: when, method, path, status, time taken and body bytes in and out. Never a
 * header, a query or a body: a case file is patient data. Kept at Jetty's level so that requests Jetty refuses
 * itself (a malformed request line) are logged too.
 */
final class AccessLog implements RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("urcheck.http");

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long nanos = System.nanoTime() - request.getBeginNanoTime();
        String path = request.getHttpURI() == null ? "?" : request.getHttpURI().getPath();
        String id = response.getHeaders().get(CheckServer.REQUEST_ID);
        LOG.info(line(Instant.ofEpochMilli(Request.getTimeStamp(request)), request.getMethod(), path,
                response.getStatus(), nanos / (double) TimeUnit.MILLISECONDS.toNanos(1),
                Request.getContentBytesRead(request), Response.getContentBytesWritten(response))
                + " id=" + (id == null ? "-" : printable(id)));
    }

    static String line(Instant when, String method, String path, int status, double millis, long in, long out) {
        // Plain appends: String.format cost more than the rest of the line (measured under load).
        long hundredths = Math.round(millis * 100);
        StringBuilder s = new StringBuilder(120).append(when).append(' ').append(printable(method)).append(' ')
                .append(printable(path)).append(' ').append(status).append(' ').append(hundredths / 100).append('.');
        long frac = hundredths % 100;
        return s.append(frac < 10 ? "0" : "").append(frac).append("ms in=").append(in).append("B out=").append(out)
                .append('B').toString();
    }

    /** A client chooses the path: keep the log one line per request and bounded. */
    static String printable(String text) {
        if (text == null) {
            return "?";
        }
        StringBuilder s = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            s.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > 200 ? s + "..." : s.toString();
    }
}
