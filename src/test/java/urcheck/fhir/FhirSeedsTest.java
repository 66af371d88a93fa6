package urcheck.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import urcheck.TestCheckers;
import urcheck.answer.CaseAnswer;
import urcheck.answer.ItemAnswer;

/** Each seed case in FHIR reaches the determinations of its JSON fixture through the FHIR mapping (check --fhir). */
class FhirSeedsTest {

    private static CaseAnswer viaFhir(FhirSeedCase seed) throws Exception {
        FhirCase c = new FhirCaseReader(TestCheckers.builtIn().reader()).readBundle(seed.bundle(), null);
        return FhirSeedCase.withSeedIds(TestCheckers.builtIn().answer(c.caseFile(), null));
    }

    @TestFactory
    Stream<DynamicTest> eachSeedInFhirIsDecidedAsItsJsonFixtureExpects() {
        return FhirSeedCase.all().stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () -> {
            CaseAnswer answer = viaFhir(seed);
            assertEquals(List.of(), seed.json().disagreements(answer));
            assertEquals(seed.expectedItems().size(), answer.items().size(), "one item per seed item, no more");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachSeedInFhirGivesEveryCriterionTheStatusItsJsonFixtureGets() {
        return FhirSeedCase.all().stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () -> {
            CaseAnswer fromJson = TestCheckers.builtIn().answer(seed.json().caseFile(), null);
            assertEquals(statuses(fromJson), statuses(viaFhir(seed)));
        }));
    }

    @Test
    void theFiveSeedsAreAllThere() {
        assertEquals(5, FhirSeedCase.all().size());
    }

    /** item id -> determination and each criterion's status. */
    static Map<String, Map<String, String>> statuses(CaseAnswer a) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (ItemAnswer i : a.items()) {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("determination", i.determination());
            s.put("governing", i.guideline() == null ? null : i.guideline().sectionId());
            i.criteria().forEach(c -> s.put(c.id(), c.status()));
            out.put(i.id(), s);
        }
        return out;
    }
}
