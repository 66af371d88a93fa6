package urcheck.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;
import urcheck.cli.EvaluateCommandAccess;
import urcheck.fixtures.Fixture;

/**
 * The labelled real decisions (fixtures/decisions): measured, not fitted. What must hold whatever the
 * agreement: every file is a valid case file naming its standard; urcheck approves nothing a decision
 * denied (the safety line of issue 9); and the figures docs/api.md shows are the ones evaluate prints.
 */
class RealDecisionsTest {

    private static Agreement decisions() throws Exception {
        return evaluate(Fixture.ROOT.resolve("decisions"));
    }

    private static Agreement evaluate(java.nio.file.Path... paths) throws Exception {
        StringWriter err = new StringWriter();
        Agreement a = EvaluateCommandAccess.evaluate(TestCheckers.builtIn(), List.of(paths), new PrintWriter(err, true));
        assertEquals("", err.toString());
        return a;
    }

    @Test
    void everyDecisionIsAValidCaseFileWithItsStandard() throws Exception {
        Agreement a = decisions();
        assertEquals(List.of(), a.invalid());
        assertEquals(List.of(), a.unlabelled());
        assertTrue(a.realDecisions() != null && a.realDecisions().size() == 2, "both scopes are reported");
        assertEquals(a.items(), a.realDecisions().get(0).items(), "every labelled item names its standard");
    }

    @Test
    void nothingADecisionDeniedIsAnsweredCriteriaMet() throws Exception {
        for (DecisionScope s : evaluate(Fixture.ROOT.resolve("decisions"), Fixture.ROOT.resolve("seeds")).realDecisions()) {
            assertEquals(0, s.approvalsUnsupported(), s.scope() + ": " + s.outcomes());
        }
    }

    @Test
    void theDocsShowTheFiguresEvaluatePrints() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("docs/api.md"));
        List<DecisionScope> scopes = new java.util.ArrayList<>(decisions().realDecisions());
        scopes.addAll(evaluate(Fixture.ROOT.resolve("decisions"), Fixture.ROOT.resolve("seeds")).realDecisions());
        for (DecisionScope s : scopes) {
            String row = String.format("| %s | %d | %d/%d | %d/%d | %d | %d | %d | %d |", s.scope(), s.items(),
                    s.determination().agree(), s.determination().total(), s.denyEverything().agree(),
                    s.denyEverything().total(), s.approvals(), s.approvalsCaught(), s.approvalsPendingInformation(),
                    s.approvalsUnsupported());
            assertTrue(readme.contains(row), "docs/api.md should show the row\n" + row);
        }
    }
}
