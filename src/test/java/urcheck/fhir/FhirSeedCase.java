package urcheck.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import urcheck.answer.CaseAnswer;
import urcheck.answer.ItemAnswer;
import urcheck.fixtures.Fixture;

/**
 * A seed case in FHIR (fixtures/fhir/seeds/NNN-*.bundle.json and its order-sign hook request) beside its
 * JSON fixture (fixtures/seeds/NNN-*.json). The FHIR fixtures name each ServiceRequest "rfa-N" for the
 * seed's item N, so answers can be compared item by item.
 */
public record FhirSeedCase(String name, Path bundle, Path hookRequest, Fixture json) {

    public static final Path DIR = Path.of("fixtures/fhir/seeds");

    public static List<FhirSeedCase> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            List<FhirSeedCase> out = new ArrayList<>();
            for (Path b : files.filter(p -> p.toString().endsWith(".bundle.json")).sorted().toList()) {
                String name = b.getFileName().toString().replace(".bundle.json", "");
                out.add(new FhirSeedCase(name, b, DIR.resolve(name + ".order-sign.json"),
                        Fixture.load(Path.of("fixtures/seeds", name + ".json"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's item id for a FHIR item id: "rfa-6" is item "6". */
    public static String seedItemId(String fhirItemId) {
        if (!fhirItemId.startsWith("rfa-")) {
            throw new AssertionError("seed FHIR orders are named rfa-N, not " + fhirItemId);
        }
        return fhirItemId.substring("rfa-".length());
    }

    /** The answer with its item ids (and primary items) renamed to the seed's. */
    public static CaseAnswer withSeedIds(CaseAnswer a) {
        List<ItemAnswer> items = new ArrayList<>();
        for (ItemAnswer i : a.items()) {
            items.add(new ItemAnswer(seedItemId(i.id()), i.request(), i.service(), i.region(), i.levels(), i.laterality(),
                    i.sessions(), i.visits(), i.primaryItem() == null ? null : seedItemId(i.primaryItem()), i.outcome(),
                    i.outcomeLabel(), i.decidedBy(), i.determination(), i.imrPrediction(), i.imrPredictionBasis(),
                    i.workflow(), i.guideline(), i.criteria(), i.rationale(), i.documentationNeeded()));
        }
        return new CaseAnswer(a.urcheckVersion(), a.knowledgeBase(), a.caseId(), a.jurisdiction(), a.odgEdition(), items,
                a.reviewerFlags());
    }

    public JsonNode expectedItems() {
        return json.expected().get("items");
    }

    @Override
    public String toString() {
        return name;
    }
}
