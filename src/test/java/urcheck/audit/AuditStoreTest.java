package urcheck.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The audit store keeps, finds, forgets on time and links feedback, the same on H2 and on PostgreSQL. */
class AuditStoreTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AuditStore.Entry entry(String request) {
        return new AuditStore.Entry("POST /cds-services/urcheck-order-sign", "hook-1", "0.1.0+abcdef012345",
                "ab".repeat(32), 200, Map.of("mbb", "MEDICALLY_NECESSARY", "add-on", "NOT_MEDICALLY_NECESSARY"),
                "{\"cards\":[{\"uuid\":\"c1\"}]}", request, List.of("11111111-1111-1111-1111-111111111111"));
    }

    /** PostgreSQL can drop the connection (a restart, an idle timeout): the next record opens it again. */
    @TestFactory
    Stream<DynamicTest> aDroppedConnectionIsOpenedAgain() {
        return AuditDatabases.urls().stream().filter(u -> AuditDatabases.kind(u).equals("postgresql")).map(url ->
                DynamicTest.dynamicTest("postgresql: after the server drops the connection", () -> {
                    try (AuditStore store = AuditStore.open(url, Duration.ofDays(30), false, new Moving())) {
                        store.record(entry(null));
                        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url);
                             java.sql.Statement s = admin.createStatement()) {
                            String others = " FROM pg_stat_activity WHERE datname = current_database() "
                                    + "AND pid <> pg_backend_pid() AND usename = current_user";
                            try (java.sql.ResultSet r = s.executeQuery("SELECT count(pg_terminate_backend(pid))" + others)) {
                                assertTrue(r.next() && r.getInt(1) >= 1, "the store's connection was terminated");
                            }
                            // the backend exits after the signal: wait until it is gone
                            for (int i = 0; i < 100; i++) {
                                try (java.sql.ResultSet r = s.executeQuery("SELECT count(*)" + others)) {
                                    r.next();
                                    if (r.getInt(1) == 0) {
                                        break;
                                    }
                                }
                                Thread.sleep(50);
                            }
                        }
                        String id = store.record(entry(null));
                        assertTrue(store.find(id).isPresent());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> onEachDatabase() {
        return AuditDatabases.urls().stream().flatMap(url -> Stream.of(
                DynamicTest.dynamicTest(AuditDatabases.kind(url) + ": a record is found by its id as it was written", () -> {
                    Moving clock = new Moving();
                    try (AuditStore store = AuditStore.open(url, Duration.ofDays(30), false, clock)) {
                        String id = store.record(entry("{\"patient\": \"PHI\"}"));
                        AuditRecord r = store.find(id).orElseThrow();
                        assertEquals("2026-01-05T10:00:00Z", r.recordedAt());
                        assertEquals("POST /cds-services/urcheck-order-sign", r.route());
                        assertEquals("hook-1", r.requestId());
                        assertEquals("0.1.0+abcdef012345", r.knowledgeVersion());
                        assertEquals(200, r.status());
                        assertEquals(Map.of("add-on", "NOT_MEDICALLY_NECESSARY", "mbb", "MEDICALLY_NECESSARY"), r.outcomes());
                        assertEquals("{\"cards\":[{\"uuid\":\"c1\"}]}", r.answer());
                        assertNull(r.request(), "requests are not kept unless configured");
                        assertTrue(store.find("00000000-0000-0000-0000-000000000000").isEmpty());
                    }
                }),
                DynamicTest.dynamicTest(AuditDatabases.kind(url) + ": the request is kept only when configured", () -> {
                    try (AuditStore store = AuditStore.open(url, Duration.ofDays(30), true, new Moving())) {
                        String id = store.record(entry("{\"patient\": \"PHI\"}"));
                        assertEquals("{\"patient\": \"PHI\"}", store.find(id).orElseThrow().request());
                    }
                }),
                DynamicTest.dynamicTest(AuditDatabases.kind(url) + ": feedback on a card comes back with the call's record", () -> {
                    try (AuditStore store = AuditStore.open(url, Duration.ofDays(30), false, new Moving())) {
                        String id = store.record(entry(null));
                        store.feedback("urcheck-order-sign", new AuditRecord.Feedback("11111111-1111-1111-1111-111111111111",
                                "overridden", "clinical-judgment", "Clinical judgment", "acute flare", "2026-01-05T10:01:00Z", null));
                        List<AuditRecord.Feedback> f = store.find(id).orElseThrow().feedback();
                        assertEquals(1, f.size());
                        assertEquals("overridden", f.get(0).outcome());
                        assertEquals("clinical-judgment", f.get(0).overrideCode());
                        assertEquals("acute flare", f.get(0).userComment());
                    }
                }),
                DynamicTest.dynamicTest(AuditDatabases.kind(url) + ": records past the retention period are deleted, newer ones stay", () -> {
                    Moving clock = new Moving();
                    try (AuditStore store = AuditStore.open(url, Duration.ofDays(30), false, clock)) {
                        String old = store.record(entry(null));
                        clock.now = clock.now.plus(Duration.ofDays(20));
                        String recent = store.record(entry(null));
                        clock.now = clock.now.plus(Duration.ofDays(11));
                        int purged = store.purgeExpired();
                        assertTrue(purged >= 1, "at least the 31-day-old record goes: " + purged);
                        assertTrue(store.find(old).isEmpty(), "31 days old, retention 30");
                        assertTrue(store.find(recent).isPresent(), "11 days old");
                    }
                })));
    }
}
