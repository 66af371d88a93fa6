package urcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;
import urcheck.bench.CaseGenerator;
import urcheck.casefile.CaseFile;
import urcheck.fixtures.Fixture;

/**
 * The rules precompiled by the build (executable model) are the rules in rules/: the same rules with the
 * same metadata, and the same answers as the DRL compiled at load time, on every fixture and on
 * generated cases; reused (pooled) sessions answer as fresh ones do.
 */
class PrecompiledRuleBaseTest {

    private static Checker precompiled;
    private static Checker drl;

    @BeforeAll
    static void load() {
        precompiled = TestCheckers.builtIn();
        drl = Checker.load(Path.of("rules"));
    }

    private static List<CaseFile> cases() throws Exception {
        List<CaseFile> out = new ArrayList<>();
        Fixture.under("seeds").forEach(f -> out.add(f.caseFile()));
        Fixture.under("criteria").forEach(f -> out.add(f.caseFile()));
        CaseGenerator generator = new CaseGenerator(20261122);
        for (int i = 0; i < 3000; i++) {
            out.add(precompiled.reader().read("generated " + i, generator.nextLine().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void theBuiltInRulesArePrecompiled() {
        assertTrue(precompiled.rules().origin().contains("precompiled"), precompiled.rules().origin());
        assertTrue(drl.rules().origin().contains("DRL compiled"), drl.rules().origin());
    }

    @Test
    void sameRulesWithTheSameMetadata() {
        assertEquals(metadata(drl.rules()), metadata(precompiled.rules()));
    }

    private static Map<String, Map<String, Object>> metadata(RuleBase rules) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (String criterion : new TreeSet<>(rules.catalogue().criteria().stream().map(c -> c.id()).toList())) {
            for (Rule r : rules.rulesFor(criterion)) {
                out.put(r.getName(), new TreeMap<>(r.getMetaData()));
            }
        }
        assertTrue(out.size() > 50, "criterion rules: " + out.size());
        assertEquals(drl.rules().ruleCount(), rules.ruleCount());
        return out;
    }

    @Test
    void sameAnswersAsTheDrlCompiledAtLoadTime() throws Exception {
        for (CaseFile c : cases()) {
            assertEquals(AnswerJson.compact(drl.answer(c, null)), AnswerJson.compact(precompiled.answer(c, null)), c.source());
        }
    }

    @Test
    void pooledSessionsAnswerAsFreshOnes() throws Exception {
        CaseChecker fresh = new CaseChecker(precompiled.rules(), false);
        for (CaseFile c : cases()) {
            String pooled = AnswerJson.compact(precompiled.answer(c, null));
            String single = AnswerJson.compact(precompiled.answers().answer(fresh.check(c.facts(), null)));
            assertEquals(single, pooled, c.source());
        }
    }
}
