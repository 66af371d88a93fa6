package urcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.ancompiler.CompiledNetwork;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;
import urcheck.bench.CaseGenerator;
import urcheck.casefile.CaseFile;
import urcheck.fixtures.Fixture;

/**
 * The rule base with its alpha network compiled (batch and serve) answers every case as the plain one does: every
 * fixture and a few thousand generated cases; it really runs on the compiled network, the one the build compiled;
 * and where the build's classes do not fit, the network compiled at load time answers alike.
 */
class CompiledAlphaNetworkTest {

    private static Checker plain;
    private static Checker compiled;

    @BeforeAll
    static void load() {
        plain = TestCheckers.builtIn();
        compiled = new Checker(RuleBase.precompiled(Throughput.BATCH));
    }

    private static List<CaseFile> cases(long seed, int generated) throws Exception {
        List<CaseFile> out = new ArrayList<>();
        for (String folder : List.of("criteria", "decisions", "seeds")) {
            List<Fixture> fixtures = Fixture.under(folder);
            assertFalse(fixtures.isEmpty(), "no fixtures under " + folder);
            fixtures.forEach(f -> out.add(f.caseFile()));
        }
        CaseGenerator generator = new CaseGenerator(seed);
        for (int i = 0; i < generated; i++) {
            out.add(plain.reader().read("generated " + i, generator.nextLine().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static void assertSameAnswers(Checker other, List<CaseFile> cases) {
        for (CaseFile c : cases) {
            assertEquals(AnswerJson.compact(plain.answer(c, null)), AnswerJson.compact(other.answer(c, null)), c.source());
        }
    }

    @Test
    void batchRulesRunOnTheAlphaNetworkTheBuildCompiled() {
        assertEquals("compiled by the build", compiled.rules().alphaNetwork());
        assertEquals(RuleBase.INTERPRETED, plain.rules().alphaNetwork());
        assertEquals(plain.rules().origin(), compiled.rules().origin());
        assertTrue(compiledNetworks(compiled.rules()) >= 10, "fact types on a compiled network: " + compiledNetworks(compiled.rules()));
        assertEquals(0, compiledNetworks(plain.rules()));
        assertEquals(plain.rules().ruleCount(), compiled.rules().ruleCount());
    }

    /** How many fact types' constraint tests run as generated code. */
    private static long compiledNetworks(RuleBase rules) {
        long n = 0;
        for (EntryPointNode ep : ((InternalKnowledgeBase) rules.kieBase()).getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode otn : ep.getObjectTypeNodes().values()) {
                n += otn.getObjectSinkPropagator() instanceof CompiledNetwork ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void sameAnswersAsThePlainRuleBase() throws Exception {
        assertSameAnswers(compiled, cases(20261201, 3000));
    }

    @Test
    void freshSessionsOnTheCompiledNetworkAnswerAlike() throws Exception {
        CaseChecker fresh = new CaseChecker(compiled.rules(), false);
        for (CaseFile c : cases(14, 300)) {
            assertEquals(AnswerJson.compact(plain.answer(c, null)),
                    AnswerJson.compact(compiled.answers().answer(fresh.check(c.facts(), null))), c.source());
        }
    }

    @Test
    void withoutTheBuildsClassesTheNetworkIsCompiledAtLoadTimeAndAnswersAlike() throws Exception {
        Checker now = new Checker(RuleBase.withCompiledAlphaNetwork(RuleFiles.fromClasspath(), Map.of()));
        assertEquals("compiled at load time", now.rules().alphaNetwork());
        assertTrue(compiledNetworks(now.rules()) >= 10);
        assertSameAnswers(now, cases(7, 300));
    }

    @Test
    void theSourceHashIgnoresCommentsOnly() {
        String a = "class A { int x; // lambda 123\n String s = \"// kept\"; /* lambda 9 */ }";
        String b = "class A { int x; // lambda 456\n String s = \"// kept\"; /* lambda 7 */ }";
        String c = "class A { int y; // lambda 123\n String s = \"// kept\"; /* lambda 9 */ }";
        String d = "class A { int x; // lambda 123\n String s = \"// kept!\"; /* lambda 9 */ }";
        assertEquals(CompiledAlphaNetwork.sha256(a), CompiledAlphaNetwork.sha256(b));
        assertFalse(CompiledAlphaNetwork.sha256(a).equals(CompiledAlphaNetwork.sha256(c)));
        assertFalse(CompiledAlphaNetwork.sha256(a).equals(CompiledAlphaNetwork.sha256(d)));
    }
}
