package urcheck.cds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import urcheck.answer.ItemAnswer;
import urcheck.engine.KnowledgeVersion;
import urcheck.fhir.FhirCase;

/**
 * The Da Vinci CRD coverage-information assertion on a draft order, delivered as a CDS Hooks system
 * action that updates the order. How urcheck's determination maps (README "CDS Hooks"):
 * the item's outcome: criteria met -> covered, authorization needed (a workers' compensation request
 * still goes to utilization review); criteria not met -> not-covered; information needed, or no
 * guideline section urcheck checks -> conditional, with the documentation needed.
 */
final class CoverageInformation {

    static final String URL = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";

    private CoverageInformation() {
    }

    static String covered(ItemAnswer item) {
        return urcheck.engine.ItemOutcome.valueOf(item.outcome()).crdCovered();
    }

    /**
     * The assertion id: stable for one order in one hook call, and naming the knowledge base that decided, so a
     * dispute can tell from the order's annotation alone which rules were applied.
     */
    static String assertionId(String hookInstance, String itemId, KnowledgeVersion kb) {
        return "urcheck-" + CardWriter.uuid(hookInstance, itemId) + "-kb-" + kb.id();
    }

    /**
     * Whether an order-select answer may carry this item's assertion: CRD 2.0.1 req 167 forbids asking for
     * clinical or administrative information on a secondary hook, and a conditional assertion needs info-needed,
     * so only a settled one (covered, not-covered) is returned there.
     */
    static boolean fitsSecondaryHook(ItemAnswer item) {
        return !"conditional".equals(covered(item));
    }

    /**
     * @param secondaryHook order-select: no doc-needed, doc-purpose or info-needed (CRD 2.0.1 req 167)
     */
    static ObjectNode systemAction(ServiceRequest order, String orderReference, ItemAnswer item, String coverageReference,
                                   String assertionId, LocalDate today, String summary, boolean secondaryHook) {
        ServiceRequest annotated = order.copy();
        Extension info = annotated.addExtension();
        info.setUrl(URL);
        info.addExtension("coverage", coverageReference != null ? new Reference(coverageReference)
                : new Reference().setDisplay("workers' compensation claim (no Coverage resource was sent)"));
        String covered = covered(item);
        info.addExtension("covered", new CodeType(covered));
        if (!"not-covered".equals(covered)) {
            info.addExtension("pa-needed", new CodeType("auth-needed"));
        }
        if (!item.documentationNeeded().isEmpty() && !secondaryHook) {
            info.addExtension("doc-needed", new CodeType("clinical"));
            info.addExtension("doc-purpose", new CodeType("withpa"));
        }
        if ("conditional".equals(covered) && !secondaryHook) {
            info.addExtension("info-needed", new CodeType("OTH"));
        }
        for (ItemAnswer.CriterionAnswer c : item.criteria()) {
            if ("NOT_MET".equals(c.status()) || ("NOT_DOCUMENTED".equals(c.status()) && "prerequisite".equals(c.kind()))) {
                info.addExtension("reason", new CodeableConcept().setText(c.id() + " " + ("NOT_MET".equals(c.status())
                        ? "not met" : "not documented") + ": " + c.text()));
            }
        }
        if ("NOT_COVERED".equals(item.determination())) {
            info.addExtension("reason", new CodeableConcept().setText("No guideline section urcheck checks covers this order"));
        }
        info.addExtension("date", new DateType(today.toString()));
        info.addExtension("coverage-assertion-id", new StringType(assertionId));

        ObjectNode action = JsonNodeFactory.instance.objectNode();
        action.put("type", "update");
        action.put("description", "urcheck coverage information for " + orderReference + ": " + summary);
        action.set("resource", FhirCase.toJson(annotated));
        return action;
    }
}
