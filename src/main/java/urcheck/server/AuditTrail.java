package urcheck.server;

import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import urcheck.answer.CaseAnswer;
import urcheck.audit.AuditStore;
import urcheck.audit.AuditStoreException;
import urcheck.engine.KnowledgeVersion;

/**
 * Writes the audit record of each check and hook call and tells the caller its id in the {@code X-Urcheck-Audit-Id}
 * header (the body stays byte-identical for the same input). A store that fails is logged (the error's class, never
 * the record) and the answer still goes out: an EHR must not be left with nothing because a disk is full.
 */
final class AuditTrail {

    static final String HEADER = "X-Urcheck-Audit-Id";
    private static final Logger LOG = LoggerFactory.getLogger("urcheck.audit");

    private final AuditStore store;
    private final KnowledgeVersion kb;

    AuditTrail(AuditStore store, KnowledgeVersion kb) {
        this.store = store;
        this.kb = kb;
    }

    AuditStore store() {
        return store;
    }

    /** Each item's determination, by item id (for a batch, prefixed with the case's index). */
    static Map<String, String> outcomes(String prefix, CaseAnswer answer, Map<String, String> into) {
        if (answer != null) {
            answer.items().forEach(i -> into.put(prefix + i.id(), i.determination()));
        }
        return into;
    }

    static Map<String, String> outcomes(CaseAnswer answer) {
        return outcomes("", answer, new LinkedHashMap<>());
    }

    void record(Context ctx, String requestId, int status, Map<String, String> outcomes, String answer, byte[] request,
                List<String> cards) {
        record(ctx, requestId, status, outcomes, answer, null, request, cards);
    }

    /** Like {@link #record(Context, String, int, Map, String, byte[], List)}, the answer as UTF-8 bytes to stream. */
    void record(Context ctx, String requestId, int status, Map<String, String> outcomes, InputStream answerUtf8,
                byte[] request, List<String> cards) {
        record(ctx, requestId, status, outcomes, null, answerUtf8, request, cards);
    }

    private void record(Context ctx, String requestId, int status, Map<String, String> outcomes, String answer,
                        InputStream answerUtf8, byte[] request, List<String> cards) {
        try {
            AuditStore.Entry entry = new AuditStore.Entry(ctx.method().name() + " " + AccessLog.printable(ctx.path()),
                    requestId, kb.id(), kb.sha256(), status, outcomes, answer,
                    request == null || !store.keepsRequests() ? null : new String(request, StandardCharsets.UTF_8), cards);
            String id = answerUtf8 == null ? store.record(entry) : store.record(entry, answerUtf8);
            ctx.header(HEADER, id);
        } catch (AuditStoreException e) {
            LOG.error("audit record not written for {} {}: {}", ctx.method(), AccessLog.printable(ctx.path()),
                    e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName());
        }
    }
}
