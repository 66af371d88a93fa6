package urcheck.answer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.bench.CaseGenerator;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.engine.Evaluation;
import urcheck.fixtures.Fixture;

/** The evaluations the answer tests write: every case-file fixture, then generated cases. */
final class AnswerCases {

    static final int GENERATED = 3_000;
    static final long SEED = 14;

    record Named(String name, Evaluation evaluation) {
    }

    private AnswerCases() {
    }

    /** Every fixture under seeds/, criteria/ and decisions/, under its own edition and under odg-mcg-2019. */
    static List<Named> fixtures() {
        Checker checker = TestCheckers.builtIn();
        List<Named> out = new ArrayList<>();
        for (String folder : List.of("seeds", "criteria", "decisions")) {
            for (Fixture f : Fixture.under(folder)) {
                out.add(new Named(f.toString(), checker.evaluate(f.caseFile(), null)));
                out.add(new Named(f + " (odg-mcg-2019)", checker.evaluate(f.caseFile(), "odg-mcg-2019")));
            }
        }
        return out;
    }

    static List<Named> generated() {
        Checker checker = TestCheckers.builtIn();
        CaseGenerator generator = new CaseGenerator(SEED);
        List<Named> out = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            String line = generator.nextLine();
            try {
                out.add(new Named("generated case " + (i + 1),
                        checker.evaluate(checker.reader().read("generated", line.getBytes(StandardCharsets.UTF_8)), null)));
            } catch (InvalidCaseFileException e) {
                throw new AssertionError("generated case " + (i + 1) + " is not valid: " + e.report(), e);
            }
        }
        return out;
    }
}
