package urcheck.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The records a dispute needs (Da Vinci CRD 2.0.1 req 76: logs of hook invocations and their responses), in a
 * SQL database over plain JDBC: H2 embedded by default (a file, no set-up), PostgreSQL for a deployment, with
 * the same statements. One connection, used under this object's lock: a record is a few inserts, far cheaper
 * than the check it records, and it keeps the store free of a pool to configure. A connection the database
 * dropped (a PostgreSQL restart) is opened again on the next call.
 *
 * <p>Retention: records older than the retention period are deleted by {@link #purgeExpired()} (the server
 * runs it at start-up and hourly) with their feedback.
 */
public final class AuditStore implements AutoCloseable {

    /** An embedded H2 file in the working directory: what {@code serve} uses when no --audit-db is given. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./urcheck-audit;DB_CLOSE_ON_EXIT=FALSE";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Connection db;
    private boolean closed;
    private boolean postgres;
    private final String url;
    private final Duration retention;
    private final boolean keepRequests;
    private final Clock clock;

    private AuditStore(Connection db, String url, Duration retention, boolean keepRequests, Clock clock) {
        this.db = db;
        this.url = url;
        this.retention = retention;
        this.keepRequests = keepRequests;
        this.clock = clock;
    }

    /**
     * Opens (and, the first time, creates) the store.
     *
     * @param url          a JDBC URL: {@code jdbc:h2:...} or {@code jdbc:postgresql://host/db?user=...&password=...}
     * @param retention    how long records are kept
     * @param keepRequests whether the request itself is kept (it is patient data; the answer alone usually suffices)
     * @throws AuditStoreException when the database cannot be reached or set up, saying which URL (never its password)
     */
    public static AuditStore open(String url, Duration retention, boolean keepRequests, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("audit retention must be at least a day");
        }
        try {
            Connection db = DriverManager.getConnection(url);
            db.setAutoCommit(true);
            AuditStore store = new AuditStore(db, url, retention, keepRequests, clock);
            store.postgres = db.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            store.createTables(store.postgres);
            return store;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot open the audit store " + safe(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL without a password, for messages. */
    static String safe(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The connection, opened again if the database dropped it; none once the store is closed. */
    private Connection db() throws SQLException {
        if (closed) {
            throw new SQLException("the audit store is closed");
        }
        if (db.isClosed() || !db.isValid(2)) {
            db = DriverManager.getConnection(url);
        }
        return db;
    }

    private void createTables(boolean postgres) throws SQLException {
        // H2 keeps large text as CLOB, PostgreSQL as TEXT; everything else is the same SQL on both.
        String text = postgres ? "TEXT" : "CLOB";
        try (Statement s = db().createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS urcheck_audit (id VARCHAR(36) PRIMARY KEY, recorded_at BIGINT NOT NULL, "
                    + "route VARCHAR(300) NOT NULL, request_id VARCHAR(300), knowledge_version VARCHAR(100) NOT NULL, "
                    + "knowledge_sha256 VARCHAR(64) NOT NULL, status INTEGER NOT NULL, outcomes " + text + " NOT NULL, "
                    + "answer " + text + " NOT NULL, request " + text + ")");
            s.execute("CREATE INDEX IF NOT EXISTS urcheck_audit_recorded ON urcheck_audit (recorded_at)");
            s.execute("CREATE TABLE IF NOT EXISTS urcheck_audit_card (card VARCHAR(36) NOT NULL, record_id VARCHAR(36) NOT NULL, "
                    + "PRIMARY KEY (card, record_id))");
            s.execute("CREATE TABLE IF NOT EXISTS urcheck_feedback (card VARCHAR(36) NOT NULL, service VARCHAR(100) NOT NULL, "
                    + "outcome VARCHAR(20) NOT NULL, override_code VARCHAR(100), override_display VARCHAR(500), "
                    + "user_comment " + text + ", outcome_timestamp VARCHAR(40) NOT NULL, received_at BIGINT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS urcheck_feedback_card ON urcheck_feedback (card)");
        }
    }

    /** What the server is about to record: everything but the id and time, which the store gives. */
    public record Entry(String route, String requestId, String knowledgeVersion, String knowledgeSha256, int status,
                        Map<String, String> outcomes, String answer, String request, List<String> cards) {
    }

    /** Records one call; returns its id. The request is dropped unless the store keeps requests. */
    public synchronized String record(Entry e) {
        return insert(e, null);
    }

    /**
     * Records one call whose answer comes as UTF-8 bytes to stream ({@code e.answer()} is not used): a batch's answer
     * runs to megabytes, and held as one String it was twice its size again in the heap, for each batch waiting for
     * this store. H2 stores the stream in blocks; PostgreSQL's driver takes it as a String in any case.
     */
    public synchronized String record(Entry e, InputStream answerUtf8) {
        return insert(e, answerUtf8);
    }

    private String insert(Entry e, InputStream answerUtf8) {
        String id = UUID.randomUUID().toString();
        try {
            Connection c = db();
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO urcheck_audit (id, recorded_at, route, request_id, "
                    + "knowledge_version, knowledge_sha256, status, outcomes, answer, request) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setLong(2, clock.millis());
                p.setString(3, cut(e.route(), 300));
                p.setString(4, e.requestId() == null ? null : cut(e.requestId(), 300));
                p.setString(5, e.knowledgeVersion());
                p.setString(6, e.knowledgeSha256());
                p.setInt(7, e.status());
                p.setString(8, JSON.writeValueAsString(new TreeMap<>(e.outcomes())));
                if (answerUtf8 == null) {
                    p.setString(9, e.answer());
                } else if (postgres) {
                    p.setString(9, new String(answerUtf8.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    p.setCharacterStream(9, new InputStreamReader(answerUtf8, StandardCharsets.UTF_8));
                }
                p.setString(10, keepRequests ? e.request() : null);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO urcheck_audit_card (card, record_id) VALUES (?, ?)")) {
                for (String card : new java.util.TreeSet<>(e.cards())) {
                    p.setString(1, card);
                    p.setString(2, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            if (answerUtf8 != null && !postgres) {
                // A streamed answer is megabytes: have H2 write it out now rather than keep its pages in the heap until
                // its background writer comes round (several batches' answers at once ran a small heap out of memory,
                // and H2 closes a database that runs out of memory).
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
            return id;
        } catch (SQLException | IOException ex) {
            rollback();
            throw new AuditStoreException("cannot write the audit record: " + ex.getMessage(), ex);
        } finally {
            autoCommit();
        }
    }

    /** Stores what the clinician did with a card. */
    public synchronized void feedback(String service, AuditRecord.Feedback f) {
        try (PreparedStatement p = db().prepareStatement("INSERT INTO urcheck_feedback (card, service, outcome, override_code, "
                + "override_display, user_comment, outcome_timestamp, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, f.card());
            p.setString(2, service);
            p.setString(3, f.outcome());
            p.setString(4, f.overrideCode());
            p.setString(5, f.overrideDisplay() == null ? null : cut(f.overrideDisplay(), 500));
            p.setString(6, f.userComment());
            p.setString(7, f.outcomeTimestamp());
            p.setLong(8, clock.millis());
            p.executeUpdate();
        } catch (SQLException ex) {
            throw new AuditStoreException("cannot write the feedback: " + ex.getMessage(), ex);
        }
    }

    /** The record with this id, with the feedback on its cards, or empty when there is none (or it expired). */
    public synchronized Optional<AuditRecord> find(String id) {
        try (PreparedStatement p = db().prepareStatement("SELECT recorded_at, route, request_id, knowledge_version, "
                + "knowledge_sha256, status, outcomes, answer, request FROM urcheck_audit WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Map<String, String> outcomes = JSON.readValue(r.getString(7), new TypeReference<TreeMap<String, String>>() { });
                return Optional.of(new AuditRecord(id, Instant.ofEpochMilli(r.getLong(1)).toString(), r.getString(2),
                        r.getString(3), r.getString(4), r.getString(5), r.getInt(6), outcomes, r.getString(8), r.getString(9),
                        feedbackFor(id)));
            }
        } catch (SQLException | JsonProcessingException ex) {
            throw new AuditStoreException("cannot read the audit record: " + ex.getMessage(), ex);
        }
    }

    private List<AuditRecord.Feedback> feedbackFor(String recordId) throws SQLException {
        List<AuditRecord.Feedback> out = new ArrayList<>();
        try (PreparedStatement p = db().prepareStatement("SELECT f.card, f.outcome, f.override_code, f.override_display, "
                + "f.user_comment, f.outcome_timestamp, f.received_at FROM urcheck_feedback f JOIN urcheck_audit_card c "
                + "ON c.card = f.card WHERE c.record_id = ? ORDER BY f.received_at, f.card")) {
            p.setString(1, recordId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditRecord.Feedback(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), Instant.ofEpochMilli(r.getLong(7)).toString()));
                }
            }
        }
        return out;
    }

    /** Deletes records (and their cards' feedback) older than the retention period; returns how many records went. */
    public synchronized int purgeExpired() {
        long cutoff = clock.millis() - retention.toMillis();
        try {
            Connection conn = db();
            conn.setAutoCommit(false);
            try (PreparedStatement f = conn.prepareStatement("DELETE FROM urcheck_feedback WHERE received_at < ?");
                 PreparedStatement c = conn.prepareStatement("DELETE FROM urcheck_audit_card WHERE record_id IN "
                         + "(SELECT id FROM urcheck_audit WHERE recorded_at < ?)");
                 PreparedStatement a = conn.prepareStatement("DELETE FROM urcheck_audit WHERE recorded_at < ?")) {
                f.setLong(1, cutoff);
                f.executeUpdate();
                c.setLong(1, cutoff);
                c.executeUpdate();
                a.setLong(1, cutoff);
                int n = a.executeUpdate();
                conn.commit();
                return n;
            }
        } catch (SQLException ex) {
            rollback();
            throw new AuditStoreException("cannot purge expired audit records: " + ex.getMessage(), ex);
        } finally {
            autoCommit();
        }
    }

    public Duration retention() {
        return retention;
    }

    public boolean keepsRequests() {
        return keepRequests;
    }

    /** Where the records are, without a password. */
    public String location() {
        return safe(url);
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the next call reports it
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // as above
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to tell
        }
    }
}
