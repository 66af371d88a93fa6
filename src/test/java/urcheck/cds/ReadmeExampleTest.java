package urcheck.cds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CDS Hooks example in docs/fhir-cds.md shows what the service really answers for that request. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheCardTheExampleRequestReallyGets() throws IOException {
        Path request = Path.of("fixtures/fhir/hooks/order-select-cervical-mbb.json");
        String readme = Files.readString(Path.of("docs/fhir-cds.md"));
        assertTrue(readme.contains(Files.readString(request).stripTrailing()), "the README quotes the request file as it is");
        CdsResult r = CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SELECT, Files.readAllBytes(request));
        JsonNode card = r.body().get("cards").get(0);
        assertTrue(readme.contains("\"summary\": \"" + card.get("summary").asText() + "\""), card.get("summary").asText());
        assertTrue(readme.contains("\"uuid\": \"" + card.get("uuid").asText() + "\""));
        String rendered = "> " + card.get("detail").asText().replace("\n", "\n> ");
        assertTrue(readme.contains(rendered), "the README renders the card's detail as the service writes it");
    }
}
