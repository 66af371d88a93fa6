package urcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;

/**
 * The phase table runs on generated cases, whose ODG editions differ (a session holds one edition's cases), and
 * names every phase of a check once, in order. It measures; it asserts no speed.
 */
class PhaseTableTest {

    @Test
    void everyPhaseOfACheckOnMixedEditions() {
        CaseGenerator generator = new CaseGenerator(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(generator.nextLine());
        }
        List<PhaseTable.Phase> phases = new PhaseTable(TestCheckers.builtIn()).measure(lines, 1);
        assertEquals(List.of("read: parse JSON", "read: validate (number check, JSON Schema)", "read: bind to the case-file fields",
                "read: assemble the facts", "rules: take a pooled session, insert the facts", "rules: fire",
                "rules: collect the results", "rules: reset the session", "answer: build", "answer: full JSON line"),
                phases.stream().map(PhaseTable.Phase::name).toList());
        assertTrue(phases.stream().allMatch(p -> p.micros() >= 0), phases.toString());
    }
}
