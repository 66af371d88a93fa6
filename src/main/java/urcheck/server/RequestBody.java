package urcheck.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads a request body after checking its media type and size: wrong type 415, over the limit 413,
 * before anything is parsed. The limit is checked against Content-Length first and again while reading,
 * so a chunked body cannot get past it.
 */
final class RequestBody {

    /** Bodies read at once (CheckServer's limits): slow senders wait their turn briefly, then get 503. */
    private static final WorkPermits READS = new WorkPermits(CheckServer.CONCURRENT_READS, CheckServer.READ_WAIT_MS);

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "urcheck-body-deadlines");
        t.setDaemon(true);
        return t;
    });

    private RequestBody() {
    }

    /** The request's media type, lower case and without parameters, or "" when there is none. */
    static String mediaType(Context ctx) {
        String header = ctx.header("Content-Type");
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the body of a request that must be one of {@code accepted} media types (UTF-8) and at most
     * {@code limit} bytes long.
     */
    static byte[] read(Context ctx, List<String> accepted, long limit) {
        String type = mediaType(ctx);
        String route = ctx.method() + " " + ctx.path();
        if (!accepted.contains(type)) {
            String got = type.isEmpty() ? "no Content-Type" : type;
            throw new ProblemException(ProblemDetails.ofStatus(415, "Unsupported Media Type",
                    route + " takes " + String.join(" or ", accepted) + " (UTF-8); got " + got
                            + ". With curl: -H 'Content-Type: " + accepted.get(0) + "'.", ctx.path()),
                    Map.of("Accept-Post", String.join(", ", accepted)));
        }
        String charset = charset(ctx.header("Content-Type"));
        if (charset != null && !charset.equals("utf-8")) {
            throw new ProblemException(ProblemDetails.ofStatus(415, "Unsupported Media Type",
                    route + " takes " + String.join(" or ", accepted) + " in UTF-8; got charset=" + charset + ".", ctx.path()),
                    Map.of("Accept-Post", String.join(", ", accepted)));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(route, limit, ctx.path());
        }
        try {
            return READS.call(ctx.path(), () -> readBody(ctx, declared, limit, route));
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request",
                    "The request body could not be read (" + e.getClass().getSimpleName() + ").", ctx.path()));
        }
    }

    private static byte[] readBody(Context ctx, long declared, long limit, String route) {
        long timeout = limit > CheckServer.CHECK_BODY_LIMIT ? CheckServer.BATCH_READ_TIMEOUT_MS : CheckServer.CHECK_READ_TIMEOUT_MS;
        EndPoint endPoint = endPoint(ctx);
        // Past the deadline the connection is closed under the blocked read, which then fails: the thread is free.
        ScheduledFuture<?> deadline = endPoint == null ? null
                : DEADLINES.schedule(() -> endPoint.close(new TimeoutException("request body too slow")), timeout, TimeUnit.MILLISECONDS);
        try {
            return readBodyNow(ctx, declared, limit, route);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    private static EndPoint endPoint(Context ctx) {
        try {
            return ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint();
        } catch (RuntimeException e) {
            return null; // not a Jetty request (never in production): no deadline
        }
    }

    private static byte[] readBodyNow(Context ctx, long declared, long limit, String route) {
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0) {
                // The usual case: the length is known, read exactly that (Jetty enforces it).
                return in.readNBytes((int) declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] chunk = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    throw tooLarge(route, limit, ctx.path());
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request",
                    "The request body could not be read (" + e.getClass().getSimpleName() + ").", ctx.path()));
        }
    }

    /**
     * Reads and drops what is left of a body no handler needed (a GET with a body, a 404, a 415), up to
     * {@code limit} bytes, so that the connection stays usable: a server that answers before the client has
     * finished sending, then closes, can make the client lose the answer.
     */
    static void discard(Context ctx, long limit) {
        if ("close".equalsIgnoreCase(ctx.res().getHeader("Connection"))) {
            return; // the connection ends with this answer (a 503 to a sender that must wait): nothing to keep
        }
        try {
            InputStream in = ctx.req().getInputStream();
            if (in.read() == -1) {
                return; // the usual case: the handler read it all
            }
            byte[] chunk = new byte[8192];
            long total = 1;
            int n;
            while (total <= limit && (n = in.read(chunk)) != -1) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away, sent too slowly (Jetty's minimum data rate) or the body was read already.
        }
    }

    private static ProblemException tooLarge(String route, long limit, String path) {
        return new ProblemException(ProblemDetails.ofStatus(413, "Content Too Large",
                "The request body is larger than " + limit + " bytes, the limit for " + route + ".", path));
    }

    private static String charset(String header) {
        if (header == null) {
            return null;
        }
        for (String param : header.split(";")) {
            String[] kv = param.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                return kv[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
