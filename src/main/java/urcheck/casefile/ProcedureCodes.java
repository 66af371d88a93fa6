package urcheck.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CPT/HCPCS codes (rules/procedure-codes.json): what service each stands for, in which regions, and for an
 * add-on code the primary codes it goes with. Coding knowledge, kept beside the rules so a coder can maintain
 * it; the one table both the case-file reader and the FHIR mapping read.
 */
public record ProcedureCodes(String description, List<Code> codes) {

    /**
     * One code: the services it is compatible with (the first is its meaning alone), its regions (empty: any),
     * and for an add-on the primary codes it goes with (empty: any procedure it serves).
     */
    public record Code(String code, List<String> primaries, List<String> services, List<String> regions, String description) {
        public Code {
            primaries = primaries == null ? List.of() : List.copyOf(primaries);
            regions = regions == null ? List.of() : List.copyOf(regions);
        }

        /** What the code means alone: the first of its services. */
        public String meaning() {
            return services.get(0);
        }
    }

    public static final ProcedureCodes NONE = new ProcedureCodes("", List.of());

    public Map<String, Code> byCode() {
        return codes.stream().collect(Collectors.toMap(Code::code, Function.identity()));
    }
}
