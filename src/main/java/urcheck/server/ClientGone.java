package urcheck.server;

import io.javalin.http.Context;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request has closed its connection while the answer is being worked out. Jetty does
 * not read a connection while its request is handled, so this asks the socket itself: a non-blocking fill
 * that returns -1 (end of stream) means the client has gone. Any byte read instead would be a pipelined next
 * request, which HTTP/1.1 clients of this API do not send; the check then just says "still there".
 */
final class ClientGone {

    private final EndPoint endPoint;

    private ClientGone(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    static ClientGone of(Context ctx) {
        try {
            return new ClientGone(ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint());
        } catch (RuntimeException e) {
            return new ClientGone(null);
        }
    }

    boolean now() {
        if (endPoint == null) {
            return false;
        }
        if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
            return true;
        }
        try {
            // One byte of room (Jetty's fill appends to a buffer in flush mode): -1 is end of stream.
            return endPoint.fill(BufferUtil.allocate(1)) < 0;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
