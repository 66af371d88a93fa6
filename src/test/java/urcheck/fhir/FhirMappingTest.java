package urcheck.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urcheck.fhir.FhirInput.COVERAGE_CA;
import static urcheck.fhir.FhirInput.bundle;
import static urcheck.fhir.FhirInput.condition;
import static urcheck.fhir.FhirInput.cpt;
import static urcheck.fhir.FhirInput.icd;
import static urcheck.fhir.FhirInput.order;
import static urcheck.fhir.FhirInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urcheck.TestCheckers;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/** What the FHIR mapping makes of orders and records: services, levels, series, add-ons, facts; and nothing it invents. */
class FhirMappingTest {

    @TempDir
    Path dir;

    private JsonNode mapped(JsonNode bundle) throws InvalidCaseFileException {
        return FhirInput.read(dir, bundle, null).caseFileJson();
    }

    private JsonNode item(String code, String more) throws InvalidCaseFileException {
        return mapped(bundle(COVERAGE_CA, order("o1", code, more))).get("items").get(0);
    }

    private List<Problem> problems(JsonNode bundle) {
        InvalidCaseFileException e = assertThrows(InvalidCaseFileException.class, () -> FhirInput.read(dir, bundle, null));
        return e.problems();
    }

    @Test
    void theCodedLumbarBundleMapsToTheCaseItDescribes() throws Exception {
        JsonNode c = new FhirCaseReader(TestCheckers.builtIn().reader())
                .readBundle(Path.of("fixtures/fhir/lumbar-mbb-criteria-met.bundle.json"), null).caseFileJson();
        JsonNode mbb = c.get("items").get(0);
        assertEquals("diagnostic_medial_branch_block", mbb.get("service").asText());
        assertEquals("diagnostic", mbb.get("purpose").asText());
        assertEquals("L4-5, L5-S1", mbb.get("levels").asText());
        assertEquals("lumbar", mbb.get("region").asText());
        assertEquals("bilateral", mbb.get("laterality").asText());
        JsonNode addOn = c.get("items").get(1);
        assertEquals("additional_level", addOn.get("service").asText());
        assertEquals("mbb-l45-l5s1", addOn.get("primaryItem").asText());
        assertEquals("california", c.get("jurisdiction").asText());
        assertEquals("2024-07-18", c.get("requestDate").asText());
        assertEquals("2024-03-02", c.get("injuryDate").asText());
        assertEquals("absent", c.at("/clinical/radicularSymptoms/status").asText());
        assertEquals("present", c.at("/clinical/facetTenderness/status").asText());
        assertEquals("present", c.at("/clinical/painfulOrLimitedExtensionRotation/status").asText());
        List<String> care = new ArrayList<>();
        c.get("conservativeCare").forEach(x -> care.add(x.get("modality").asText() + " " + x.get("weeks").asInt() + " " + x.get("response").asText()));
        assertEquals(List.of("physical_therapy 8 failed", "home_exercise 12 failed", "nsaids 16 failed"), care);
        assertEquals("present", c.at("/plan/activeTherapy/status").asText());
    }

    @Test
    void aLumbarNeurotomyAfterTwoPositiveBlocksCarriesBothBlocksAndItsAddOns() throws Exception {
        FhirCase fc = new FhirCaseReader(TestCheckers.builtIn().reader())
                .readBundle(Path.of("fixtures/fhir/lumbar-rf-after-two-blocks.bundle.json"), null);
        JsonNode c = fc.caseFileJson();
        assertEquals("facet_radiofrequency_neurotomy", c.at("/items/0/service").asText());
        assertEquals("L4-5, L5-S1", c.at("/items/0/levels").asText());
        assertEquals("rf-l45-l5s1", c.at("/items/1/primaryItem").asText());
        assertEquals("iv_sedation", c.at("/items/2/service").asText());
        List<String> blocks = new ArrayList<>();
        c.get("priorProcedures").forEach(p -> blocks.add(p.get("type").asText() + " " + p.get("date").asText() + " "
                + p.get("reliefPercent").asInt() + "% " + p.at("/reliefDuration/value").asInt() + " " + p.at("/reliefDuration/unit").asText()
                + " scale " + p.at("/functionalChange/painScaleRecorded/status").asText()));
        assertEquals(List.of("medial_branch_block 2024-02-06 80% 4 hours scale present",
                "medial_branch_block 2024-03-05 90% 7 hours scale present"), blocks);
        var answer = TestCheckers.builtIn().answer(fc.caseFile(), null);
        assertEquals("MEDICALLY_NECESSARY", answer.items().get(0).determination());
        assertEquals("MET", answer.items().get(0).criteria().stream().filter(x -> x.id().equals("MTUS-ACOEM12-RF"))
                .findFirst().orElseThrow().status());
    }

    @Test
    void cpt64490And64493AreTypedByTheirWords() throws Exception {
        JsonNode ia = item(cpt("64490", "Intra-articular facet injection, therapeutic"), "'bodySite':[{'text':'C5-6'}]");
        assertEquals("therapeutic_facet_injection", ia.get("service").asText());
        assertEquals("therapeutic", ia.get("purpose").asText());
        assertEquals("cervical", ia.get("region").asText());

        JsonNode both = item(cpt("64493", "Facet injection L4-5, diagnostic or therapeutic"), null);
        assertEquals("facet_joint_injection", both.get("service").asText());
        assertFalse(both.has("purpose"), "both words: the purpose is not stated");

        JsonNode mbbTherapeutic = item(cpt("64493", "Therapeutic medial branch block L4-5"), null);
        assertEquals("diagnostic_medial_branch_block", mbbTherapeutic.get("service").asText());
        assertEquals("therapeutic", mbbTherapeutic.get("purpose").asText());

        JsonNode unstated = item(cpt("64493", "Facet joint injection"), "'bodySite':[{'text':'Bilateral L4-5'}]");
        assertEquals("facet_joint_injection", unstated.get("service").asText());
        assertFalse(unstated.has("purpose"));
        assertEquals("bilateral", unstated.get("laterality").asText());
    }

    @Test
    void withoutACodeTheWordsSayWhatIsOrdered() throws Exception {
        JsonNode nerves = item(text("Lumbar medial branch block at L3, L4, L5 medial branches"), null);
        assertEquals("diagnostic_medial_branch_block", nerves.get("service").asText());
        assertEquals("L3, L4, L5 medial branches", nerves.get("levels").asText());
        assertEquals("facet_radiofrequency_neurotomy",
                item(text("Radiofrequency ablation of the L4-5 facet joint nerves"), null).get("service").asText());
        assertEquals("massage_therapy", item(text("Massage therapy for the low back"), null).get("service").asText());
        assertEquals("other", item(text("MRI lumbar spine without contrast"), null).get("service").asText());
    }

    @Test
    void aSeriesComesFromOccurrenceTimingAndVisitsFromQuantity() throws Exception {
        JsonNode series = item(cpt("64490", "Cervical facet injection C3-4"),
                "'occurrenceTiming':{'repeat':{'frequency':1,'period':1,'periodUnit':'mo','boundsDuration':{'value':3,'unit':'months','system':'http://unitsofmeasure.org','code':'mo'}}}");
        assertEquals(3, series.get("sessions").asInt());
        assertEquals("once every month for 3 months", series.get("frequency").asText());

        JsonNode massage = item(cpt("97124", "Massage"), "'quantityQuantity':{'value':8}");
        assertEquals(8, massage.get("visits").asInt());

        JsonNode levelsAsUnits = item(cpt("64493", "Facet injection L4-5"), "'quantityQuantity':{'value':2}");
        assertFalse(levelsAsUnits.has("sessions"), "units of service on a procedure line are not a series");
    }

    @Test
    void addOnLinesGoWithTheirPrimaryProcedure() throws Exception {
        JsonNode c = mapped(bundle(COVERAGE_CA,
                order("primary", cpt("64493", "Medial branch block L4-5, L5-S1"), null),
                order("second", cpt("64494", null), null),
                order("fluoro", cpt("77003", null), null),
                order("sedation", cpt("99152", "Moderate sedation"), null)));
        for (int i = 1; i <= 3; i++) {
            assertEquals("primary", c.get("items").get(i).get("primaryItem").asText());
        }
        assertEquals(List.of("additional_level", "imaging_guidance", "iv_sedation"),
                List.of(c.get("items").get(1).get("service").asText(), c.get("items").get(2).get("service").asText(),
                        c.get("items").get(3).get("service").asText()));
    }

    @Test
    void anAddOnWithSeveralPossiblePrimariesMustNameOneInBasedOn() throws Exception {
        List<Problem> p = problems(bundle(COVERAGE_CA,
                order("neck", cpt("64490", "Medial branch block C3-4"), null),
                order("back", cpt("64493", "Medial branch block L4-5"), null),
                order("fluoro", cpt("77003", null), null)));
        assertEquals(1, p.size());
        assertEquals("Bundle.entry[3].resource(ServiceRequest/fluoro).basedOn", p.get(0).path());
        assertTrue(p.get(0).message().contains("ServiceRequest/neck, ServiceRequest/back"), p.get(0).message());

        JsonNode named = mapped(bundle(COVERAGE_CA,
                order("neck", cpt("64490", "Medial branch block C3-4"), null),
                order("back", cpt("64493", "Medial branch block L4-5"), null),
                order("fluoro", cpt("77003", null), "'basedOn':[{'reference':'ServiceRequest/back'}]")));
        assertEquals("back", named.get("items").get(2).get("primaryItem").asText());
    }

    @Test
    void guidanceForAProcedureUrcheckDoesNotCheckIsNotCheckedEither() throws Exception {
        JsonNode c = mapped(bundle(COVERAGE_CA,
                order("esi", cpt("62323", "Lumbar transforaminal epidural steroid injection"), null),
                order("fluoro", cpt("77003", null), null)));
        assertEquals("other", c.get("items").get(0).get("service").asText());
        assertEquals("other", c.get("items").get(1).get("service").asText());
    }

    @Test
    void anAddOnCodeNeedsItsOwnPrimaryCode() {
        List<Problem> p = problems(bundle(COVERAGE_CA,
                order("back", cpt("64493", "Medial branch block L4-5"), null),
                order("neck-add-on", cpt("64491", null), null)));
        assertEquals("Bundle.entry[2].resource(ServiceRequest/neck-add-on).basedOn", p.get(0).path());
        assertTrue(p.get(0).message().contains("it needs CPT 64490"), p.get(0).message());
    }

    @Test
    void olderCodesAndCtGuidanceComeFromTheOneCptTableInRules() throws Exception {
        // 64475/64476 (before 2010) and 77012 (CT guidance) are rows of rules/procedure-codes.json, which the
        // case-file reader reads too; the add-on's primary (64476 goes with 64475) is that table's "primaries"
        JsonNode c = mapped(bundle(COVERAGE_CA,
                order("back", cpt("64475", "Medial branch block L4-5"), null),
                order("second", cpt("64476", null), null),
                order("ct", cpt("77012", null), null)));
        assertEquals("diagnostic_medial_branch_block", c.at("/items/0/service").asText());
        assertEquals("lumbar", c.at("/items/0/region").asText());
        assertEquals("additional_level", c.at("/items/1/service").asText());
        assertEquals("back", c.at("/items/1/primaryItem").asText());
        assertEquals("imaging_guidance", c.at("/items/2/service").asText());
        List<Problem> p = problems(bundle(COVERAGE_CA,
                order("back", cpt("64493", "Medial branch block L4-5"), null),
                order("old-add-on", cpt("64476", null), null)));
        assertTrue(p.get(0).message().contains("it needs CPT 64475"), p.get(0).message());
        var codes = TestCheckers.builtIn().reader().procedureCodes().byCode();
        for (String code : List.of("64470", "64472", "64475", "64476", "64622", "64623", "64626", "64627", "77012", "01991")) {
            assertTrue(codes.containsKey(code), code + " is in rules/procedure-codes.json");
        }
    }

    @Test
    void aCptCodeForAnotherRegionThanTheOrderNamesIsRefused() {
        List<Problem> p = problems(bundle(COVERAGE_CA, order("o1", cpt("64490", "Facet injection"), "'bodySite':[{'text':'L4-5'}]")));
        assertEquals(List.of(new Problem("Bundle.entry[1].resource(ServiceRequest/o1).code",
                "CPT 64490 is a cervical or thoracic procedure, but the order names the lumbar spine")), p);
    }

    @Test
    void conditionsSayWhatIsPresentAndWhatIsAbsent() throws Exception {
        String o = order("o1", cpt("64493", "Medial branch block L4-5"), null);
        JsonNode active = mapped(bundle(COVERAGE_CA, o, condition("c1", icd("M54.16", "Radiculopathy, lumbar region"), null)));
        assertEquals("present", active.at("/clinical/radicularSymptoms/status").asText());
        assertTrue(active.at("/clinical/radicularSymptoms/note").asText().endsWith("[Condition/c1]"));

        String refuted = "'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':'refuted'}]}";
        assertEquals("absent", mapped(bundle(COVERAGE_CA, o, condition("c1", icd("M54.16", "Radiculopathy"), refuted)))
                .at("/clinical/radicularSymptoms/status").asText());
        String resolved = "'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'resolved'}]}";
        assertEquals("absent", mapped(bundle(COVERAGE_CA, o, condition("c1", icd("M54.16", "Radiculopathy"), resolved)))
                .at("/clinical/radicularSymptoms/status").asText());

        JsonNode c = mapped(bundle(COVERAGE_CA, o,
                condition("fusion", icd("Z98.1", "Arthrodesis status"), "'bodySite':[{'text':'L5-S1'}]"),
                condition("stenosis", icd("M48.061", "Spinal stenosis, lumbar region without neurogenic claudication"), null),
                condition("phobia", icd("F40.231", "Fear of injections and transfusions"), null),
                condition("spondylosis", text("Lumbar spondylosis without myelopathy or radiculopathy"), null)));
        assertEquals("present", c.at("/clinical/priorFusion/status").asText());
        assertEquals("L5-S1", c.at("/clinical/priorFusion/levels").asText());
        assertEquals("present", c.at("/clinical/spinalStenosis/status").asText());
        assertEquals("present", c.at("/clinical/extremeAnxiety/status").asText());
        assertTrue(c.at("/clinical/radicularSymptoms").isMissingNode(), "'without ... radiculopathy' says no radiculopathy");
    }

    @Test
    void whatTheDataDoesNotSayIsLeftOutNotInvented() throws Exception {
        JsonNode c = mapped(bundle(COVERAGE_CA, order("o1", cpt("64493", "Facet injection"), null)));
        List<String> fields = new ArrayList<>();
        c.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("caseId", "jurisdiction", "items"), fields);
        List<String> itemFields = new ArrayList<>();
        c.get("items").get(0).fieldNames().forEachRemaining(itemFields::add);
        assertEquals(List.of("id", "request", "service", "region"), itemFields);
    }

    @Test
    void onlyMedicationsForPainAreConservativeCare() throws Exception {
        String o = order("o1", cpt("64493", "Medial branch block L4-5"), null);
        String ms = "{'resourceType':'MedicationStatement','id':'%s','status':'active','medicationCodeableConcept':{'text':'%s'},"
                + "'subject':{'reference':'Patient/p'}}";
        JsonNode c = mapped(bundle(COVERAGE_CA, o, String.format(ms, "m1", "Ibuprofen 800 mg"), String.format(ms, "m2", "Cyclobenzaprine 10 mg"),
                String.format(ms, "m3", "Medications"), String.format(ms, "m4", "Blood pressure medication"),
                String.format(ms, "m5", "Testosterone cypionate")));
        List<String> modalities = new ArrayList<>();
        c.get("conservativeCare").forEach(x -> modalities.add(x.get("modality").asText() + " " + x.get("note").asText().replaceAll(".*\\[", "[")));
        assertEquals(List.of("nsaids [MedicationStatement/m1]", "other_medication [MedicationStatement/m2]",
                "other_medication [MedicationStatement/m3]"), modalities);
    }

    @Test
    void theJurisdictionComesFromTheCoverageElseTheDefault() throws Exception {
        String o = order("o1", cpt("64493", "Facet injection"), null);
        assertEquals("texas", mapped(bundle(COVERAGE_CA.replace("'CA'", "'TX'"), o)).get("jurisdiction").asText());
        assertEquals("other", mapped(bundle(COVERAGE_CA.replace("'CA'", "'NV'"), o)).get("jurisdiction").asText());
        assertEquals("texas", FhirInput.read(dir, bundle(o), "texas").caseFileJson().get("jurisdiction").asText());
        assertEquals("california", FhirInput.read(dir, bundle(COVERAGE_CA, o), "texas").caseFileJson().get("jurisdiction").asText(),
                "the data says California; the default is only for data that does not say");
        List<Problem> none = problems(bundle(o));
        assertEquals("Bundle", none.get(0).path());
        assertTrue(none.get(0).message().startsWith("no jurisdiction"), none.get(0).message());
    }

    @Test
    void earlierBlocksCarryTheReliefTheirObservationsReport() throws Exception {
        JsonNode c = mapped(bundle(COVERAGE_CA, order("o1", cpt("64635", "Radiofrequency neurotomy L4-5"), null),
                "{'resourceType':'Procedure','id':'mbb1','status':'completed','code':" + cpt("64493", "Medial branch block L4-5")
                        + ",'subject':{'reference':'Patient/p'},'performedDateTime':'2024-01-10T09:30:00-08:00'}",
                "{'resourceType':'Observation','id':'r1','status':'final','partOf':[{'reference':'Procedure/mbb1'}],'code':{'text':'Pain relief'},"
                        + "'subject':{'reference':'Patient/p'},'valueQuantity':{'value':85,'unit':'%','system':'http://unitsofmeasure.org','code':'%'}}",
                "{'resourceType':'Observation','id':'r2','status':'final','partOf':[{'reference':'Procedure/mbb1'}],'code':{'text':'Duration of relief'},"
                        + "'subject':{'reference':'Patient/p'},'valueQuantity':{'value':6,'unit':'hours','system':'http://unitsofmeasure.org','code':'h'}}",
                "{'resourceType':'ServiceRequest','id':'old-rf','status':'completed','intent':'order','code':" + cpt("64635", "RF neurotomy L4-5")
                        + ",'subject':{'reference':'Patient/p'},'occurrenceDateTime':'2021-05'}"));
        JsonNode mbb = c.get("priorProcedures").get(0);
        assertEquals("medial_branch_block", mbb.get("type").asText());
        assertEquals("2024-01-10", mbb.get("date").asText());
        assertEquals("lumbar", mbb.get("region").asText());
        assertEquals(85, mbb.get("reliefPercent").asInt());
        assertEquals(6, mbb.at("/reliefDuration/value").asInt());
        assertEquals("hours", mbb.at("/reliefDuration/unit").asText());
        JsonNode rf = c.get("priorProcedures").get(1);
        assertEquals("radiofrequency_neurotomy", rf.get("type").asText());
        assertEquals("2021-05", rf.get("date").asText());
    }

    @Test
    void aCaseFileProblemIsReportedAtTheFhirElementItCameFrom() {
        List<Problem> p = problems(bundle(COVERAGE_CA, order("o1", cpt("64490", "Facet injection"), "'bodySite':[{'text':'C9-C10'}]")));
        assertEquals(List.of("Bundle.entry[1].resource(ServiceRequest/o1).bodySite[0].text",
                "Bundle.entry[1].resource(ServiceRequest/o1).bodySite"), p.stream().map(Problem::path).toList());
        assertTrue(p.get(0).message().startsWith("\"C9-C10\" is not a facet level"), p.get(0).message());
        assertTrue(p.get(1).message().startsWith("the spinal region (cervical, thoracic or lumbar) or the levels"), p.get(1).message());
    }
}
