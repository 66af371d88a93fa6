package urcheck.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urcheck.fhir.FhirInput.COVERAGE_CA;
import static urcheck.fhir.FhirInput.bundle;
import static urcheck.fhir.FhirInput.cpt;
import static urcheck.fhir.FhirInput.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urcheck.TestCheckers;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/** Malformed FHIR is refused with the resource and element at fault, never read as "not documented". */
class MalformedFhirTest {

    @TempDir
    Path dir;

    private List<Problem> problems(JsonNode bundle) {
        return assertThrows(InvalidCaseFileException.class, () -> FhirInput.read(dir, bundle, null)).problems();
    }

    private static final String AT = "Bundle.entry[1].resource(ServiceRequest/o1)";

    @Test
    void aMisspeltElementIsAnErrorNotMissingDocumentation() {
        List<Problem> p = problems(bundle(COVERAGE_CA, order("o1", cpt("64493", "Facet injection"), "'bodysite':[{'text':'L4-5'}]")));
        assertEquals(List.of(new Problem(AT + ".bodysite", "is not an element of this FHIR R4 type")), p);
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamed() {
        List<Problem> p = problems(bundle(COVERAGE_CA, order("o1", "'64493'", null)));
        assertEquals(AT + ".code", p.get(0).path());
        assertTrue(p.get(0).message().contains("expected a JSON object, found a JSON string"), p.get(0).message());
    }

    @Test
    void anInvalidPrimitiveIsNamedWhereverItIsNested() {
        assertEquals(List.of(new Problem(AT + ".authoredOn", "is not a valid value for this element: a date or time is not in FHIR's format (YYYY, YYYY-MM, YYYY-MM-DD or a full dateTime)")),
                problems(bundle(COVERAGE_CA, order("o1", cpt("64493", "Facet injection"), "'authoredOn':'2015-13-45'"))));
        List<Problem> nested = problems(bundle(COVERAGE_CA, order("o1", cpt("97124", "Massage"), "'quantityQuantity':{'value':'x'}")));
        assertEquals(AT + ".quantityQuantity.value", nested.get(0).path());
        List<Problem> code = problems(bundle(COVERAGE_CA, order("o1", cpt("64493", "Facet injection"), "'priority':'whenever'")));
        assertEquals(AT + ".priority", code.get(0).path());
    }

    @Test
    void theResourceTypeMustBeAnR4Resource() {
        List<Problem> p = problems(bundle(COVERAGE_CA, "{'resourceType':'Servicerequest','id':'x'}"));
        assertEquals(List.of(new Problem("Bundle.entry[1].resource(Servicerequest/x).resourceType",
                "a FHIR R4 resource type such as \"ServiceRequest\" (this one is not)")), p);
    }

    @Test
    void aBundleIsRequiredAndItsEntriesMustBeEntries() {
        assertEquals("Bundle.resourceType", problems(FhirInput.json("{'resourceType':'ServiceRequest','id':'x'}")).get(0).path());
        JsonNode bad = FhirInput.json("{'resourceType':'Bundle','type':'collection','entry':[{'resource':{'resourceType':'Patient','id':'p'},'fullurl':'x'}]}");
        assertEquals(new Problem("Bundle.entry[0].fullurl", "is not an element of Bundle.entry"), problems(bad).get(0));
    }

    @Test
    void aBundleWithNoOrderHasNothingToCheck() {
        List<Problem> p = problems(bundle(COVERAGE_CA));
        assertEquals("Bundle", p.get(0).path());
        assertTrue(p.get(0).message().startsWith("no order to check"));
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"resourceType\": \"Bundle\",\n \"entry\": [}\n");
        List<Problem> p = assertThrows(InvalidCaseFileException.class,
                () -> new FhirCaseReader(TestCheckers.builtIn().reader()).readBundle(f, null)).problems();
        assertEquals("$", p.get(0).path());
        assertTrue(p.get(0).message().startsWith("line 2, column 12: malformed JSON"), p.get(0).message());
    }
}
