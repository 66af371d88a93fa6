package urcheck.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Code systems and reading codes out of CodeableConcepts (README "FHIR mapping" lists the codes used). */
final class Codes {

    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";

    /** The same systems by OID, as some EHRs send them. */
    private static final List<List<String>> ALIASES = List.of(
            List.of(CPT, "urn:oid:2.16.840.1.113883.6.12"),
            List.of(ICD10CM, "urn:oid:2.16.840.1.113883.6.90"),
            List.of(SNOMED, "urn:oid:2.16.840.1.113883.6.96"),
            List.of(RXNORM, "urn:oid:2.16.840.1.113883.6.88"),
            List.of(LOINC, "urn:oid:2.16.840.1.113883.6.1"));

    private Codes() {
    }

    static boolean isSystem(Coding c, String system) {
        if (!c.hasSystem()) {
            return false;
        }
        for (List<String> names : ALIASES) {
            if (names.get(0).equals(system)) {
                return names.contains(c.getSystem());
            }
        }
        return system.equals(c.getSystem());
    }

    /** The concept's codes in one system, normalised (ICD-10-CM without its dot, upper case). */
    static List<String> codes(CodeableConcept cc, String system) {
        List<String> out = new ArrayList<>();
        if (cc == null) {
            return out;
        }
        for (Coding c : cc.getCoding()) {
            if (isSystem(c, system) && c.hasCode()) {
                out.add(normalise(system, c.getCode()));
            }
        }
        return out;
    }

    static boolean has(CodeableConcept cc, String system, Set<String> codes) {
        return codes(cc, system).stream().anyMatch(codes::contains);
    }

    /** The first ICD-10-CM code of the concept starting with one of the prefixes ("M541" for M54.1x). */
    static String icdWithPrefix(CodeableConcept cc, Set<String> prefixes) {
        for (String code : codes(cc, ICD10CM)) {
            for (String p : prefixes) {
                if (code.startsWith(p)) {
                    return code;
                }
            }
        }
        return null;
    }

    /** A CPT code of the concept in [from, to] (five-digit numeric codes). */
    static String cptInRange(CodeableConcept cc, int from, int to) {
        for (String code : codes(cc, CPT)) {
            if (code.matches("\\d{5}")) {
                int n = Integer.parseInt(code);
                if (n >= from && n <= to) {
                    return code;
                }
            }
        }
        return null;
    }

    /** "M5412" as people write it: "M54.12". */
    static String icdDisplay(String code) {
        return code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    private static String normalise(String system, String code) {
        String c = code.trim();
        return ICD10CM.equals(system) ? c.replace(".", "").toUpperCase(Locale.ROOT) : c;
    }
}
