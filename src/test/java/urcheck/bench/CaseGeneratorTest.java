package urcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.CaseAnswer;
import urcheck.casefile.CaseFile;
import urcheck.engine.Verdict;
import urcheck.facts.RequestedService;
import urcheck.facts.ServiceType;

/** The benchmark's cases are valid case files, cover every service type, and come out the same for a seed. */
class CaseGeneratorTest {

    @Test
    void sameSeedSameCases() {
        CaseGenerator a = new CaseGenerator(3);
        CaseGenerator b = new CaseGenerator(3);
        CaseGenerator c = new CaseGenerator(4);
        for (int i = 0; i < 100; i++) {
            String line = a.nextLine();
            assertEquals(line, b.nextLine());
            assertNotEquals(line, c.nextLine());
            assertTrue(!line.contains("\n"));
        }
    }

    @Test
    void everyCaseIsValidAndEveryServiceAndVerdictAppears() throws Exception {
        Checker checker = TestCheckers.builtIn();
        CaseGenerator generator = new CaseGenerator(42);
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        Set<String> jurisdictions = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            CaseFile f = checker.reader().read("generated " + i, generator.nextLine().getBytes(StandardCharsets.UTF_8));
            f.facts().items().stream().map(RequestedService::service).forEach(services::add);
            jurisdictions.add(f.facts().context().jurisdiction().name());
            CaseAnswer a = checker.answer(f, null);
            a.items().forEach(item -> verdicts.add(Verdict.valueOf(item.determination())));
        }
        assertEquals(EnumSet.allOf(ServiceType.class), services);
        assertEquals(EnumSet.allOf(Verdict.class), verdicts);
        assertEquals(3, jurisdictions.size());
    }
}
