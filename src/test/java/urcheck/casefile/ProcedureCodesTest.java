package urcheck.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;
import urcheck.facts.Region;
import urcheck.facts.RequestedService;
import urcheck.facts.ServiceType;

/** Items may name their service by CPT code; a code and words that disagree are refused, not resolved. */
class ProcedureCodesTest {

    private static CaseFile read(String items) throws InvalidCaseFileException {
        String json = "{\"caseId\": \"cpt\", \"jurisdiction\": \"texas\", \"items\": [" + items + "]}";
        return TestCheckers.builtIn().reader().read("case.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidCaseFileException refused(String items) {
        return assertThrows(InvalidCaseFileException.class, () -> read(items));
    }

    @Test
    void aCodeAloneGivesTheServiceAndRegion() throws InvalidCaseFileException {
        RequestedService item = read("{\"id\": \"1\", \"cpt\": [\"64635\"], \"levels\": \"L4-5\"}").facts().items().get(0);
        assertEquals(ServiceType.FACET_RADIOFREQUENCY_NEUROTOMY, item.service());
        assertEquals(Region.LUMBAR, item.region());
        RequestedService massage = read("{\"id\": \"1\", \"cpt\": [\"97124\"], \"visits\": 4}").facts().items().get(0);
        assertEquals(ServiceType.MASSAGE_THERAPY, massage.service());
    }

    @Test
    void primaryAndAddOnCodesOnOneItemAreFine() throws InvalidCaseFileException {
        RequestedService item = read("{\"id\": \"1\", \"service\": \"diagnostic_medial_branch_block\", "
                + "\"cpt\": [\"64490\", \"64491\", \"77003\"], \"levels\": \"C3-4, C4-5\"}").facts().items().get(0);
        assertEquals(ServiceType.DIAGNOSTIC_MEDIAL_BRANCH_BLOCK, item.service());
    }

    @Test
    void olderCodesAndCtGuidanceAreKnownToCaseFilesToo() throws InvalidCaseFileException {
        RequestedService old = read("{\"id\": \"1\", \"cpt\": [\"64622\"], \"levels\": \"L4-5\"}").facts().items().get(0);
        assertEquals(ServiceType.FACET_RADIOFREQUENCY_NEUROTOMY, old.service());
        assertEquals(Region.LUMBAR, old.region());
        RequestedService ct = read("{\"id\": \"1\", \"cpt\": [\"64493\"], \"levels\": \"L4-5\"}, "
                + "{\"id\": \"2\", \"cpt\": [\"77012\"], \"primaryItem\": \"1\"}").facts().items().get(1);
        assertEquals(ServiceType.IMAGING_GUIDANCE, ct.service());
    }

    @Test
    void aCodeThatDisagreesWithTheServiceIsRefused() {
        InvalidCaseFileException e = refused("{\"id\": \"1\", \"service\": \"massage_therapy\", \"cpt\": [\"64493\"], \"visits\": 4}");
        assertEquals("$.items[0].cpt[0]", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("massage_therapy")
                && e.problems().get(0).message().contains("Correct the code or the service"), e.report());
    }

    @Test
    void aCodeForAnotherRegionIsRefused() {
        InvalidCaseFileException e = refused("{\"id\": \"1\", \"service\": \"facet_joint_injection\", \"cpt\": [\"64493\"], \"levels\": \"C2-3\"}");
        assertEquals("$.items[0].cpt[0]", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("cervical"), e.report());
    }

    @Test
    void anUnknownCodeIsRefused() {
        InvalidCaseFileException e = refused("{\"id\": \"1\", \"cpt\": [\"12345\"]}");
        assertEquals("$.items[0].cpt[0]", e.problems().get(0).path());
    }

    @Test
    void aCodedAssociatedServiceStillNeedsItsPrimary() {
        InvalidCaseFileException e = refused("{\"id\": \"1\", \"cpt\": [\"64493\"], \"levels\": \"L4-5\"}, {\"id\": \"2\", \"cpt\": [\"77003\"]}");
        assertEquals("$.items[1].primaryItem", e.problems().get(0).path());
    }

    @Test
    void neitherServiceNorCodeIsRefused() {
        InvalidCaseFileException e = refused("{\"id\": \"1\", \"levels\": \"L4-5\"}");
        assertTrue(e.report().contains("$.items[0]"), e.report());
    }
}
