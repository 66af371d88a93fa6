package urcheck.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import urcheck.casefile.ProcedureCodes;

/**
 * rules/procedure-codes.json as the FHIR mapping reads it: which kind of order a CPT code is, the regions it
 * covers and, for an add-on code, its primary codes. The same table the case-file reader checks codes against,
 * so a code a coder adds there is known to both.
 */
final class CptTable {

    /** A code urcheck knows: its kind, the regions it covers (empty: any) and for an add-on its primary code(s). */
    record Cpt(OrderMapper.Kind kind, List<String> regions, Set<String> primaries) {

        /** "cervical or thoracic", as a message names the regions. */
        String regionsText() {
            return String.join(" or ", regions);
        }

        boolean lumbarOnly() {
            return regions.equals(List.of("lumbar"));
        }
    }

    private final Map<String, Cpt> byCode;

    CptTable(ProcedureCodes codes) {
        Map<String, Cpt> t = new LinkedHashMap<>();
        for (ProcedureCodes.Code c : codes.codes()) {
            t.put(c.code(), new Cpt(kind(c.meaning()), c.regions(), Set.copyOf(c.primaries())));
        }
        this.byCode = Map.copyOf(t);
    }

    /** The case file's service types as order kinds (a facet injection's type comes from the order's words). */
    private static OrderMapper.Kind kind(String service) {
        return switch (service) {
            case "facet_joint_injection", "diagnostic_medial_branch_block", "therapeutic_facet_injection" -> OrderMapper.Kind.FACET_INJECTION;
            case "facet_radiofrequency_neurotomy" -> OrderMapper.Kind.NEUROTOMY;
            case "massage_therapy" -> OrderMapper.Kind.MASSAGE;
            case "additional_level" -> OrderMapper.Kind.ADDITIONAL_LEVEL;
            case "imaging_guidance" -> OrderMapper.Kind.IMAGING_GUIDANCE;
            case "iv_sedation" -> OrderMapper.Kind.IV_SEDATION;
            default -> OrderMapper.Kind.OTHER;
        };
    }

    Cpt get(String code) {
        return byCode.get(code);
    }

    boolean knows(String code) {
        return byCode.containsKey(code);
    }

    /** The first CPT coding of a concept that this table knows, or null. */
    String known(CodeableConcept code) {
        for (String c : Codes.codes(code, Codes.CPT)) {
            if (knows(c)) {
                return c;
            }
        }
        return null;
    }
}
