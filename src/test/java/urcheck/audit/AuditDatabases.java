package urcheck.audit;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the audit tests run against: an embedded H2 (always) and PostgreSQL when
 * {@value #POSTGRES_ENV} holds its JDBC URL (.ci/run sets it after starting Debian's PostgreSQL). A URL that is
 * set but unreachable fails the tests: a PostgreSQL run must never quietly become an H2-only run.
 */
public final class AuditDatabases {

    public static final String POSTGRES_ENV = "URCHECK_TEST_POSTGRES_URL";

    private AuditDatabases() {
    }

    /** A fresh, empty store URL per call (its own H2 database; PostgreSQL tables emptied). */
    public static List<String> urls() {
        List<String> urls = new ArrayList<>();
        urls.add("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String pg = System.getenv(POSTGRES_ENV);
        if (pg != null && !pg.isBlank()) {
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                for (String table : List.of("urcheck_feedback", "urcheck_audit_card", "urcheck_audit")) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
            } catch (SQLException e) {
                fail(POSTGRES_ENV + " is set, but PostgreSQL cannot be reached at " + AuditStore.safe(pg) + ": " + e.getMessage());
            }
            urls.add(pg);
        }
        return urls;
    }

    /** "h2" or "postgresql", for test names. */
    public static String kind(String url) {
        return url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }
}
