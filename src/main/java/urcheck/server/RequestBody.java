package urcheck.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body after checking its media type and size: wrong type 415, over the limit 413,
 * before anything is parsed. The limit is checked against Content-Length first and again while reading,
 * so a chunked body cannot get past it.
 */
final class RequestBody {

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
        } catch (IOException | IllegalStateException e) {
            // The client went away or the body was read already: nothing to drop.
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
