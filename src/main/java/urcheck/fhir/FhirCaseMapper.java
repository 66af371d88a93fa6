package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import urcheck.casefile.Problem;

/**
 * A {@link PatientRecord} -> a case-file JSON tree (the published schema's format), with where each part
 * came from. Only what the FHIR data says goes in; anything else is left out, which the checker reads as
 * not documented.
 */
final class FhirCaseMapper {

    static final String US_CORE_JURISDICTION = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-jurisdiction";

    private FhirCaseMapper() {
    }

    /** The mapped case, the orders behind its items, and the problems met while mapping. */
    record Mapped(CaseDraft draft, List<OrderMapper.MappedOrder> orders, Located<Coverage> coverage) {
        /** Whether a Coverage in the input stated the jurisdiction (else the default given was used). */
        boolean jurisdictionStated() {
            return draft.provenance.has("$.jurisdiction");
        }
    }

    static Mapped map(PatientRecord record, String caseId, String defaultJurisdiction, String at, CptTable cpt) {
        CaseDraft draft = new CaseDraft();
        ObjectNode root = draft.root;
        root.put("caseId", caseId.length() > 200 ? caseId.substring(0, 200) : caseId);
        Located<Coverage> coverage = jurisdiction(record, draft, defaultJurisdiction, at);
        if (record.orders().isEmpty()) {
            draft.problems.add(new Problem(at, "no order to check: expected a ServiceRequest with status draft or active"));
        }
        List<OrderMapper.MappedOrder> orders = new OrderMapper(record, draft, cpt).map();
        dates(record, draft);
        new FindingMapper(record, draft).map();
        HistoryMapper history = new HistoryMapper(record, draft, cpt);
        new CareMapper(record, draft, history).map();
        history.map();
        Set<Resource> items = new HashSet<>();
        for (OrderMapper.MappedOrder o : orders) {
            if (o.kind() != OrderMapper.Kind.OTHER) {
                items.add(o.order().resource());
            }
        }
        new PlanMapper(record, draft, items).map();
        return new Mapped(draft, orders, coverage);
    }

    /**
     * The jurisdiction from a Coverage's US Core jurisdiction extension (USPS state code: CA california,
     * TX texas, any other state other); when no Coverage says, the default given; else a problem.
     */
    private static Located<Coverage> jurisdiction(PatientRecord record, CaseDraft draft, String fallback, String at) {
        for (Located<Coverage> c : record.coverages()) {
            if (c.resource().getStatus() == Coverage.CoverageStatus.CANCELLED
                    || c.resource().getStatus() == Coverage.CoverageStatus.ENTEREDINERROR) {
                continue;
            }
            List<Extension> ext = c.resource().getExtensionsByUrl(US_CORE_JURISDICTION);
            for (int i = 0; i < ext.size(); i++) {
                String state = state(ext.get(i));
                if (state == null) {
                    draft.problems.add(new Problem(c.at("extension"), "the us-core-jurisdiction extension needs a "
                            + "valueCodeableConcept with a two-letter USPS state code (e.g. CA)"));
                    continue;
                }
                draft.root.put("jurisdiction", switch (state) {
                    case "CA" -> "california";
                    case "TX" -> "texas";
                    default -> "other";
                });
                draft.provenance.put("$.jurisdiction", c.at("extension"));
                return c;
            }
        }
        if (fallback != null) {
            draft.root.put("jurisdiction", fallback);
            return record.coverages().isEmpty() ? null : record.coverages().get(0);
        }
        draft.problems.add(new Problem(at, "no jurisdiction: give a Coverage with the extension " + US_CORE_JURISDICTION
                + " (a USPS state code such as CA or TX), or a default jurisdiction (check --jurisdiction)"));
        return null;
    }

    private static String state(Extension e) {
        if (e.getValue() instanceof CodeableConcept cc) {
            for (var coding : cc.getCoding()) {
                if (coding.hasCode() && coding.getCode().trim().matches("[A-Za-z]{2}")) {
                    return coding.getCode().trim().toUpperCase(Locale.ROOT);
                }
            }
            if (cc.hasText() && cc.getText().trim().matches("[A-Za-z]{2}")) {
                return cc.getText().trim().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * Date of request: the earliest authoredOn of the orders. Date of injury: the earliest onset of the
     * Conditions the orders name as their reason (reasonReference): the work injury they treat.
     */
    private static void dates(PatientRecord record, CaseDraft draft) {
        String request = null;
        String injury = null;
        String requestFrom = null;
        String injuryFrom = null;
        for (Located<ServiceRequest> o : record.orders()) {
            String d = Dates.of(o.resource().getAuthoredOnElement());
            if (d != null && !d.equals(request) && d.equals(Dates.earlier(request, d))) {
                request = d;
                requestFrom = o.at("authoredOn");
            }
            for (Reference r : o.resource().getReasonReference()) {
                Located<Resource> target = record.resolve(r);
                if (target != null && target.resource() instanceof Condition c) {
                    String onset = c.hasOnsetDateTimeType() ? Dates.of(c.getOnsetDateTimeType())
                            : c.hasOnsetPeriod() ? Dates.of(c.getOnsetPeriod().getStartElement()) : null;
                    if (onset != null && !onset.equals(injury) && onset.equals(Dates.earlier(injury, onset))) {
                        injury = onset;
                        injuryFrom = target.at(c.hasOnsetDateTimeType() ? "onsetDateTime" : "onsetPeriod.start");
                    }
                }
            }
        }
        if (request != null) {
            draft.root.put("requestDate", request);
            draft.provenance.put("$.requestDate", requestFrom);
        }
        if (injury != null) {
            draft.root.put("injuryDate", injury);
            draft.provenance.put("$.injuryDate", injuryFrom);
        }
    }
}
