package urcheck.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import urcheck.answer.AnswerJson;

/** Issue 13: CDS Hooks calls that were answered 500, or whose 400 repeated the record. */
class HostileHookRequestTest {

    @Test
    void anAddOnLevelWhosePrimaryUrcheckCannotClassifyGetsACard() throws Exception {
        ObjectNode req = CdsHooksServiceTest.request(CdsHooksServiceTest.SIGN);
        ObjectNode primary = (ObjectNode) req.at("/context/draftOrders/entry/0/resource");
        ((ObjectNode) primary.at("/code/coding/0")).put("code", "27096").remove("display");
        ((ObjectNode) primary.get("code")).put("text", "Sacroiliac joint injection");
        primary.remove("bodySite");
        CdsResult r = CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, req);
        JsonNode body = CdsHooksServiceTest.ok(r);
        assertEquals("NOT_COVERED", body.at("/cards/0/extension").elements().next().get("determination").asText(),
                AnswerJson.pretty(body));
    }

    @Test
    void aNarrativeThatIsNotXhtmlIsNotRepeated() throws Exception {
        ObjectNode req = CdsHooksServiceTest.request(CdsHooksServiceTest.SIGN);
        ObjectNode primary = (ObjectNode) req.at("/context/draftOrders/entry/0/resource");
        primary.putObject("text").put("status", "generated").put("div", "<div>Jane Q Patient <b>unclosed, DOB 1961-04-02</div>");
        primary.put("authoredOn", "Jane-Q-1961");
        primary.put("status", "Jane Q Patient");
        CdsResult r = CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, req);
        String answer = AnswerJson.pretty(r.body());
        assertEquals(422, r.status(), answer);
        assertFalse(answer.contains("Jane") || answer.contains("1961"), answer);
    }
}
