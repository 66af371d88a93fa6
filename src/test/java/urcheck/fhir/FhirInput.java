package urcheck.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import urcheck.TestCheckers;
import urcheck.casefile.InvalidCaseFileException;

/** Small FHIR inputs for tests, written as JSON with single quotes for readability. */
public final class FhirInput {

    private FhirInput() {
    }

    /** JSON written with ' for " (tests avoid apostrophes in texts). */
    public static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) FhirCaseReader.JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String COVERAGE_CA = "{'resourceType':'Coverage','id':'wc','extension':[{'url':"
            + "'http://hl7.org/fhir/us/core/StructureDefinition/us-core-jurisdiction','valueCodeableConcept':"
            + "{'coding':[{'system':'https://www.usps.com/','code':'CA'}]}}],'status':'active',"
            + "'beneficiary':{'reference':'Patient/p'},'payor':[{'display':'claims administrator'}]}";

    /** A collection Bundle of these resources (JSON, single-quoted). */
    public static ObjectNode bundle(String... resources) {
        ObjectNode b = json("{'resourceType':'Bundle','id':'test','type':'collection'}");
        ArrayNode entries = b.putArray("entry");
        for (String r : resources) {
            ObjectNode res = json(r);
            entries.addObject().put("fullUrl", res.path("resourceType").asText() + "/" + res.path("id").asText()).set("resource", res);
        }
        return b;
    }

    /** A ServiceRequest for Patient/p; {@code more} adds elements, e.g. "'bodySite':[{'text':'L4-5'}]". */
    public static String order(String id, String code, String more) {
        return "{'resourceType':'ServiceRequest','id':'" + id + "','status':'active','intent':'order','code':" + code
                + ",'subject':{'reference':'Patient/p'}" + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }

    public static String cpt(String code, String text) {
        return "{'coding':[{'system':'http://www.ama-assn.org/go/cpt','code':'" + code + "'}]"
                + (text == null ? "" : ",'text':'" + text + "'") + "}";
    }

    public static String text(String text) {
        return "{'text':'" + text + "'}";
    }

    public static String condition(String id, String code, String more) {
        return "{'resourceType':'Condition','id':'" + id + "','code':" + code + ",'subject':{'reference':'Patient/p'}"
                + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }

    public static String icd(String code, String text) {
        return "{'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'" + code + "'}],'text':'" + text + "'}";
    }

    /** Writes the bundle to a file and maps it as check --fhir does. */
    public static FhirCase read(Path dir, JsonNode bundle, String defaultJurisdiction) throws InvalidCaseFileException {
        try {
            Path f = Files.createTempFile(dir, "bundle", ".json");
            Files.writeString(f, bundle.toString());
            return new FhirCaseReader(TestCheckers.builtIn().reader()).readBundle(f, defaultJurisdiction);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
